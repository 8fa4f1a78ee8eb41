using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Admins.Common;
using VoiceNote.Modules.Identity.Application.Common;

namespace VoiceNote.Modules.Identity.Application.Admins.Permissions.RevokeAdmin;

/// <summary>Take admin status and every permission away; the account stays a normal account, signed in.</summary>
[Requires(Permission = AdminPermissions.CanManageAdmins)]
internal sealed record RevokeAdmin(Guid UserId, string? CallerIp) : ICommand;

internal sealed class RevokeAdminHandler(UserAdministration admin) : ICommandHandler<RevokeAdmin>
{
    public async Task<Result> Handle(RevokeAdmin request, CancellationToken cancellationToken)
    {
        var user = await admin.LockTargetAsync(request.UserId, cancellationToken);
        if (user is null)
        {
            return IdentityErrors.UserNotFound;
        }

        if (!user.IsAdmin)
        {
            return AdminErrors.NotAdmin;
        }

        if (await admin.RefuseAsync(user, endsManagerRole: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        var previous = user.AdminPermissions.ToList();
        user.RevokeAdmin(admin.Now);
        await admin.RecordAsync(AdminActionNames.AdminRevoked, user.Id, new { previous }, request.CallerIp, cancellationToken);
        return Result.Success();
    }
}

internal sealed class RevokeAdminEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapDelete("/users/{id}/admin", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RevokeAdmin(id, http.Connection.RemoteIpAddress?.ToString()), ct)).ToNoContent())
            .RequirePermission(AdminPermissions.CanManageAdmins)
            .WithName("revokeAdmin").Produces(StatusCodes.Status204NoContent).ProducesProblem(409)
            .WithSummary("Take admin status away (effective on the target's next request); 409 when not an admin");
}
