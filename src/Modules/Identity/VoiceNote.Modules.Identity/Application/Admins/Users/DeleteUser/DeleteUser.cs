using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Admins.Common;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Admins.Users.DeleteUser;

/// <summary>
/// Soft-delete an account, as the user's own deletion does: sessions end, other modules hear
/// <see cref="UserDeleted"/> and hide the user's data; a restore within the grace period undoes it.
/// </summary>
[Requires(Permission = AdminPermissions.CanDeleteUsers)]
internal sealed record DeleteUser(Guid UserId, string? CallerIp) : ICommand;

internal sealed class DeleteUserHandler(UserAdministration admin, IdentityDbContext db) : ICommandHandler<DeleteUser>
{
    public async Task<Result> Handle(DeleteUser request, CancellationToken cancellationToken)
    {
        var user = await admin.LockTargetAsync(request.UserId, cancellationToken);
        if (user is null)
        {
            return IdentityErrors.UserNotFound;
        }

        if (user.IsDeleted)
        {
            return AdminErrors.AlreadyDeleted;
        }

        if (await admin.RefuseAsync(user, endsManagerRole: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = admin.Now;
        user.SoftDelete(now);
        var ended = await admin.EndSessionsAsync(user.Id, "account_deleted", cancellationToken);
        db.Publish(new UserDeleted(user.Id, now));
        await admin.RecordAsync(AdminActionNames.UserDeleted, user.Id, new { sessionsEnded = ended }, request.CallerIp, cancellationToken);
        return Result.Success();
    }
}

internal sealed class DeleteUserEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapDelete("/users/{id}", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DeleteUser(id, http.Connection.RemoteIpAddress?.ToString()), ct)).ToNoContent())
            .RequirePermission(AdminPermissions.CanDeleteUsers)
            .WithName("deleteUser").Produces(StatusCodes.Status204NoContent).ProducesProblem(409)
            .WithSummary("Soft-delete an account (sessions end at once; restorable); 409 when already deleted");
}
