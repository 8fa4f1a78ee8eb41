using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Security;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Admins.Bootstrap;

/// <summary>
/// Makes sure an account exists and is an admin with every permission: the first admin from
/// configuration (Identity:FirstAdmin:Email/Password), the create-admin verb and the dev seed.
/// An existing account keeps its password.
/// </summary>
internal sealed class AdminBootstrapper(UserManager<User> users, IdentityDbContext db, TimeProvider clock)
{
    public async Task<(bool Created, string? Error)> EnsureAdminAsync(string email, string password, string? username, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var normalized = users.NormalizeEmail(IdentityRules.NormalizeEmail(email));
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        var created = false;
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
                return (false, string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            db.Profiles.Add(UserProfile.For(user.Id, now));
            created = true;
        }

        user.GrantAdmin(AdminPermissions.All, "system", now);
        await db.SaveChangesAsync(cancellationToken);
        return (created, null);
    }
}
