using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Security;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Admins.Bootstrap;

/// <summary>
/// Makes an admin with every permission for the operator: the first admin from configuration, the
/// create-admin verb and the development seed. It creates the account; an account that already exists
/// is promoted only when the operator says so (<c>promoteExisting</c> in
/// <see cref="EnsureAdminAsync"/>), because anybody may have registered that address with a password
/// of their own. Every creation or promotion is in the admin audit trail (ADR 0068).
/// </summary>
internal sealed class AdminBootstrapper(UserManager<User> users, IdentityDbContext db, TimeProvider clock)
{
    public const string AuditAction = "admin.bootstrapped";

    public async Task<AdminBootstrap> EnsureAdminAsync(
        string email, string password, string? username, string source, bool promoteExisting, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var normalized = users.NormalizeEmail(IdentityRules.NormalizeEmail(email));
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        AdminBootstrapOutcome outcome;
        if (user is null)
        {
            user = new User
            {
                Id = Guid.CreateVersion7(),
                Email = IdentityRules.NormalizeEmail(email),
                UserName = username ?? email.Split('@')[0].Replace('.', '_'),
                DisplayName = "Administrator",
                CreatedAt = now,
                UpdatedAt = now,
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                return new AdminBootstrap(AdminBootstrapOutcome.Failed, string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            db.Profiles.Add(UserProfile.For(user.Id, now));
            outcome = AdminBootstrapOutcome.Created;
        }
        else if (user.IsAdmin && AdminPermissions.All.All(user.AdminPermissions.Contains))
        {
            return new AdminBootstrap(AdminBootstrapOutcome.AlreadyAdmin, null);
        }
        else if (!promoteExisting)
        {
            return new AdminBootstrap(
                AdminBootstrapOutcome.Refused,
                $"An account with {email} already exists and is not an admin; it was not promoted. Promote it explicitly if it is yours.");
        }
        else
        {
            outcome = AdminBootstrapOutcome.Promoted;
        }

        user.GrantAdmin(AdminPermissions.All, "system", now);
        db.AdminActions.Add(new AdminAction
        {
            Id = Guid.CreateVersion7(),
            AdminId = user.Id, // no admin acted: the account is recorded as its own actor, the source in the details
            Action = AuditAction,
            TargetUserId = user.Id,
            Details = JsonSerializer.Serialize(new { source, outcome = outcome.ToString() }, JsonSerializerOptions.Web),
            At = now,
        });
        db.Publish(new AdminActionTaken(user.Id, AuditAction, user.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        return new AdminBootstrap(outcome, null);
    }
}

internal enum AdminBootstrapOutcome
{
    Created,
    Promoted,
    AlreadyAdmin,
    Refused,
    Failed,
}

/// <summary>What <see cref="AdminBootstrapper"/> did; <see cref="Error"/> says why when it did nothing.</summary>
internal sealed record AdminBootstrap(AdminBootstrapOutcome Outcome, string? Error);
