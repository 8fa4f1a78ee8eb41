using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Admins.Common;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Application.Purging;

namespace VoiceNote.Modules.Identity.Application.Admins.Users.PurgeUser;

/// <summary>
/// Purge a soft-deleted account now rather than after <c>Identity:DeletedUserRetentionDays</c> (ADR 0085). The admin
/// trails record that an account was purged, not which: the id itself is what the purge removes.
/// </summary>
[Requires(Permission = AdminPermissions.CanDeleteUsers)]
internal sealed record PurgeUser([property: NotInAuditTrail] Guid UserId, string? CallerIp) : ICommand;

internal sealed class PurgeUserHandler(UserAdministration admin, UserPurger purger) : ICommandHandler<PurgeUser>
{
    public async Task<Result> Handle(PurgeUser request, CancellationToken cancellationToken)
    {
        var user = await admin.LockTargetAsync(request.UserId, cancellationToken);
        if (user is null)
        {
            return IdentityErrors.UserNotFound;
        }

        if (!user.IsDeleted)
        {
            return AdminErrors.NotDeletedToPurge;
        }

        await purger.PurgeAsync(user.Id, logged: false, cancellationToken);
        await admin.RecordAsync(AdminActionNames.UserPurged, targetUserId: null, details: null, request.CallerIp, cancellationToken);
        return Result.Success();
    }
}

internal sealed class PurgeUserEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapPost("/users/{id}/purge", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new PurgeUser(id, http.Connection.RemoteIpAddress?.ToString()), ct)).ToNoContent())
            .RequirePermission(AdminPermissions.CanDeleteUsers)
            .WithName("purgeUser").Produces(StatusCodes.Status204NoContent).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Purge a soft-deleted account now: everything it owns in every module goes; 409 when it is not deleted");
}
