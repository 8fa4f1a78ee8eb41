using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Admins.Common;
using VoiceNote.Modules.Identity.Application.Common;

namespace VoiceNote.Modules.Identity.Application.Admins.Users.ReactivateUser;

/// <summary>Let a deactivated account sign in again. Ended sessions stay ended: the user signs in anew.</summary>
[Requires(Permission = AdminPermissions.CanDeleteUsers)]
internal sealed record ReactivateUser(Guid UserId, string? CallerIp) : ICommand<AdminUserDto>;

internal sealed class ReactivateUserHandler(UserAdministration admin) : ICommandHandler<ReactivateUser, AdminUserDto>
{
    public async Task<Result<AdminUserDto>> Handle(ReactivateUser request, CancellationToken cancellationToken)
    {
        var user = await admin.LockTargetAsync(request.UserId, cancellationToken);
        if (user is null)
        {
            return IdentityErrors.UserNotFound;
        }

        if (user.IsActive)
        {
            return AdminErrors.AlreadyActive;
        }

        if (await admin.RefuseAsync(user, endsManagerRole: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        user.IsActive = true;
        user.UpdatedAt = admin.Now;
        await admin.RecordAsync(AdminActionNames.UserReactivated, user.Id, details: null, request.CallerIp, cancellationToken);
        return AdminUserDto.From(user);
    }
}

internal sealed class ReactivateUserEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapPost("/users/{id}/reactivate", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ReactivateUser(id, http.Connection.RemoteIpAddress?.ToString()), ct)).ToOk())
            .RequirePermission(AdminPermissions.CanDeleteUsers)
            .WithName("reactivateUser").Produces<AdminUserDto>().ProducesProblem(409)
            .WithSummary("Reactivate a deactivated account; 409 when already active");
}
