using VoiceNote.Infrastructure.Modules;
using VoiceNote.Modules.Identity.Application.Admins.Bootstrap;

namespace VoiceNote.Modules.Identity.Application;

/// <summary>Development accounts (an admin and a regular user). Only for the run command's local database.</summary>
internal sealed class DevelopmentSeeder(AdminBootstrapper admins, Microsoft.AspNetCore.Identity.UserManager<Domain.User> users, Infrastructure.Persistence.IdentityDbContext db, TimeProvider clock) : IDevelopmentSeeder
{
    public const string AdminEmail = "admin@voicenote.local";
    public const string AdminPassword = "Admin-Passw0rd";
    public const string UserEmail = "user@voicenote.local";
    public const string UserPassword = "User-Passw0rd";

    public int Order => 0;

    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken)
    {
        // Development only (the seed verb refuses elsewhere); an existing account of that address is not promoted.
        var admin = await admins.EnsureAdminAsync(AdminEmail, AdminPassword, "admin", "development-seed", promoteExisting: false, cancellationToken);
        if (await users.FindByEmailAsync(UserEmail) is null)
        {
            var now = clock.GetUtcNow();
            var user = new Domain.User { Id = Guid.CreateVersion7(), Email = UserEmail, UserName = "user", DisplayName = "Regular User", DeviceModel = "iPhone 13", CreatedAt = now, UpdatedAt = now };
            await users.CreateAsync(user, UserPassword);
            db.Profiles.Add(Domain.UserProfile.For(user.Id, now));
            await db.SaveChangesAsync(cancellationToken);
        }

        return
        [
            admin.Error ?? $"Seeded accounts: admin {AdminEmail} / {AdminPassword} (every admin permission), user {UserEmail} / {UserPassword}.",
            "Sign in: curl -s -X POST http://127.0.0.1:5080/api/v1/auth/sign-in -H 'Content-Type: application/json' -d '{\"login\":\"" + UserEmail + "\",\"password\":\"" + UserPassword + "\"}'",
        ];
    }
}
