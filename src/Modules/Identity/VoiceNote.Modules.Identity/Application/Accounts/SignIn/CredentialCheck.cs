using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Application.Sessions;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Accounts.SignIn;

/// <summary>
/// The sign-in rules every way of signing in shares (password grant, JSON sign-in, the sign-in page):
/// throttling per account name, lockout counting, and one equally slow answer for every failure.
/// </summary>
internal sealed class CredentialCheck(UserManager<User> users, IPasswordHasher<User> hasher, IdentityDbContext db, SignInThrottle throttle, TimeProvider clock)
{
    // Verifying against a real hash when the account does not exist keeps failures equally slow.
    private static readonly Lazy<(User User, string Hash)> Decoy = new(() =>
    {
        var decoy = new User { Id = Guid.Empty, UserName = "decoy" };
        return (decoy, new PasswordHasher<User>().HashPassword(decoy, Guid.NewGuid().ToString()));
    });

    public async Task<Result<User>> VerifyAsync(string login, string password, CancellationToken cancellationToken)
    {
        if (throttle.TryAttempt(login) is { } wait)
        {
            return IdentityErrors.TooManyAttempts(wait);
        }

        var normalized = users.NormalizeName(login.Trim());
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, cancellationToken);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(Decoy.Value.User, Decoy.Value.Hash, password);
            return IdentityErrors.InvalidCredentials;
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return IdentityErrors.InvalidCredentials;
        }

        if (!user.CanSignIn)
        {
            return IdentityErrors.InvalidCredentials;
        }

        await users.ResetAccessFailedCountAsync(user);
        user.LastLoginAt = clock.GetUtcNow();
        return user;
    }
}
