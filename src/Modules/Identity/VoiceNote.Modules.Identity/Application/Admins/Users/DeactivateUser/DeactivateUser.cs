using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Admins.Common;
using VoiceNote.Modules.Identity.Application.Common;

namespace VoiceNote.Modules.Identity.Application.Admins.Users.DeactivateUser;

/// <summary>Stop an account: it cannot sign in, every session ends and its tokens stop on the next request.</summary>
[Requires(Permission = AdminPermissions.CanDeleteUsers)]
internal sealed record DeactivateUser(Guid UserId, string? CallerIp) : ICommand<AdminUserDto>;

internal sealed class DeactivateUserHandler(UserAdministration admin) : ICommandHandler<DeactivateUser, AdminUserDto>
{
    public async Task<Result<AdminUserDto>> Handle(DeactivateUser request, CancellationToken cancellationToken)
    {
        var user = await admin.LockTargetAsync(request.UserId, cancellationToken);
        if (user is null)
        {
            return IdentityErrors.UserNotFound;
        }

        if (!user.IsActive)
        {
            return AdminErrors.AlreadyInactive;
        }

        if (await admin.RefuseAsync(user, endsManagerRole: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        user.IsActive = false;
        user.UpdatedAt = admin.Now;
        var ended = await admin.EndSessionsAsync(user.Id, "account_deactivated", cancellationToken);
        await admin.RecordAsync(AdminActionNames.UserDeactivated, user.Id, new { sessionsEnded = ended }, request.CallerIp, cancellationToken);
        return AdminUserDto.From(user);
    }
}

internal sealed class DeactivateUserEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapPost("/users/{id}/deactivate", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DeactivateUser(id, http.Connection.RemoteIpAddress?.ToString()), ct)).ToOk())
            .RequirePermission(AdminPermissions.CanDeleteUsers)
            .WithName("deactivateUser").Produces<AdminUserDto>().ProducesProblem(409)
            .WithSummary("Deactivate an account (sessions end at once); 409 when already inactive");
}
