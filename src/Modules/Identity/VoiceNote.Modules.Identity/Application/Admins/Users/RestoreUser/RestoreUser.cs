using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Admins.Common;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Admins.Users.RestoreUser;

/// <summary>Undo a soft delete: the user may sign in again and other modules hear <see cref="UserRestored"/>.</summary>
[Requires(Permission = AdminPermissions.CanDeleteUsers)]
internal sealed record RestoreUser(Guid UserId, string? CallerIp) : ICommand<AdminUserDto>;

internal sealed class RestoreUserHandler(UserAdministration admin, IdentityDbContext db) : ICommandHandler<RestoreUser, AdminUserDto>
{
    public async Task<Result<AdminUserDto>> Handle(RestoreUser request, CancellationToken cancellationToken)
    {
        var user = await admin.LockTargetAsync(request.UserId, cancellationToken);
        if (user is null)
        {
            return IdentityErrors.UserNotFound;
        }

        if (!user.IsDeleted)
        {
            return AdminErrors.NotDeleted;
        }

        if (await admin.RefuseAsync(user, endsManagerRole: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = admin.Now;
        var deletedAt = user.DeletedAt;
        user.Restore(now);
        db.Publish(new UserRestored(user.Id, now));
        await admin.RecordAsync(AdminActionNames.UserRestored, user.Id, new { deletedAt }, request.CallerIp, cancellationToken);
        return AdminUserDto.From(user);
    }
}

internal sealed class RestoreUserEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapPost("/users/{id}/restore", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RestoreUser(id, http.Connection.RemoteIpAddress?.ToString()), ct)).ToOk())
            .RequirePermission(AdminPermissions.CanDeleteUsers)
            .WithName("restoreUser").Produces<AdminUserDto>().ProducesProblem(409)
            .WithSummary("Restore a soft-deleted account; 409 when it is not deleted");
}
