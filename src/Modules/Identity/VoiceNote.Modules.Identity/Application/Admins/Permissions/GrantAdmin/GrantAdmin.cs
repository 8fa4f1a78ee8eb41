using System.ComponentModel.DataAnnotations;
using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Admins.Common;
using VoiceNote.Modules.Identity.Application.Common;

namespace VoiceNote.Modules.Identity.Application.Admins.Permissions.GrantAdmin;

/// <summary>
/// Make an account an admin with exactly these permissions, or replace an admin's permissions.
/// Takes effect on the target's next request: tokens do not carry permissions. A PUT of the set the
/// admin already holds is a no-op answered 200.
/// </summary>
[Requires(Permission = AdminPermissions.CanManageAdmins)]
internal sealed record GrantAdmin(Guid UserId, IReadOnlyList<string>? Permissions, string? CallerIp) : ICommand<AdminUserDto>;

internal sealed class GrantAdminValidator : AbstractValidator<GrantAdmin>
{
    public GrantAdminValidator() =>
        RuleFor(g => g.Permissions).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Grant at least one permission; to take admin away, use DELETE on this resource.")
            .Must(p => p!.All(name => name is not null && AdminPermissions.IsKnown(name)))
            .WithMessage(g => $"Unknown permission(s): {string.Join(", ", g.Permissions!.Where(n => n is null || !AdminPermissions.IsKnown(n)).Select(n => $"'{n}'"))}. Known: {string.Join(", ", AdminPermissions.All)}.");
}

internal sealed class GrantAdminHandler(UserAdministration admin) : ICommandHandler<GrantAdmin, AdminUserDto>
{
    public async Task<Result<AdminUserDto>> Handle(GrantAdmin request, CancellationToken cancellationToken)
    {
        var user = await admin.LockTargetAsync(request.UserId, cancellationToken);
        if (user is null)
        {
            return IdentityErrors.UserNotFound;
        }

        if (user.IsDeleted)
        {
            return AdminErrors.UserDeleted;
        }

        var permissions = request.Permissions!;
        var keepsManaging = permissions.Contains(AdminPermissions.CanManageAdmins, StringComparer.Ordinal);
        if (await admin.RefuseAsync(user, endsManagerRole: !keepsManaging, cancellationToken) is { } refused)
        {
            return refused;
        }

        // Granting exactly what the admin already holds changes nothing, so it leaves no audit row (0015).
        if (user.IsAdmin && user.AdminPermissions.ToHashSet(StringComparer.Ordinal).SetEquals(permissions))
        {
            return AdminUserDto.From(user);
        }

        IReadOnlyList<string> previous = user.IsAdmin ? user.AdminPermissions.ToList() : [];
        user.GrantAdmin(permissions, admin.ActorId.ToString(), admin.Now);
        await admin.RecordAsync(AdminActionNames.AdminGranted, user.Id, new { permissions = user.AdminPermissions, previous }, request.CallerIp, cancellationToken);
        return AdminUserDto.From(user);
    }
}

internal sealed class GrantAdminEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapPut("/users/{id}/admin", async (Guid id, GrantAdminBody body, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GrantAdmin(id, body.Permissions, http.Connection.RemoteIpAddress?.ToString()), ct)).ToOk())
            .RequirePermission(AdminPermissions.CanManageAdmins)
            .WithName("grantAdmin").Produces<AdminUserDto>().ProducesProblem(409)
            .WithSummary("Make an account an admin with exactly these permissions (replaces any it had)");

    internal sealed record GrantAdminBody([Required] IReadOnlyList<string>? Permissions);
}
