using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Application.Sessions;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Accounts.SignIn;

/// <summary>
/// The sign-in rules every way of signing in shares (password grant, JSON sign-in, the sign-in page):
/// a progressive delay per account and address instead of a lockout anybody could trigger (ADR 0069),
/// and one equally slow answer for every failure. A lock an admin set still holds. Every checked attempt is
/// published for the activity log (docs/decisions/0078): a failure names the account only when the login named
/// one, never what was typed; a throttled attempt checks nothing and is not published.
/// </summary>
internal sealed class CredentialCheck(
    UserManager<User> users, IPasswordHasher<User> hasher, IdentityDbContext db, SignInThrottle throttle, IHttpContextAccessor http, TimeProvider clock)
{
    // Verifying against a real hash, made by the same hasher, when the account does not exist keeps failures equally slow.
    private const string InvalidCredentials = "invalid_credentials";

    private static (User User, string Hash)? _decoy;

    public async Task<Result<User>> VerifyAsync(string login, string password, string? clientId, CancellationToken cancellationToken)
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        if (throttle.WaitBefore(login, address) is { } wait)
        {
            return IdentityErrors.TooManyAttempts(wait);
        }

        var normalized = users.NormalizeName(login.Trim());
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, cancellationToken);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            var decoy = _decoy ??= Decoy(hasher);
            hasher.VerifyHashedPassword(decoy.User, decoy.Hash, password);
            throttle.Failed(login, address);
            return Failed(user?.Id, clientId, user is null ? InvalidCredentials : "locked");
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            throttle.Failed(login, address);
            return Failed(user.Id, clientId, InvalidCredentials);
        }

        if (!user.CanSignIn)
        {
            return Failed(user.Id, clientId, "inactive");
        }

        throttle.Succeeded(login, address);
        user.LastLoginAt = clock.GetUtcNow();
        db.Publish(new UserSignedIn(user.Id, clientId, user.LastLoginAt.Value));
        return user;
    }

    private Error Failed(Guid? userId, string? clientId, string reason)
    {
        db.Publish(new SignInFailed(userId, clientId, reason, clock.GetUtcNow()));
        return IdentityErrors.InvalidCredentials;
    }

    private static (User, string) Decoy(IPasswordHasher<User> hasher)
    {
        var decoy = new User { Id = Guid.Empty, UserName = "decoy" };
        return (decoy, hasher.HashPassword(decoy, Guid.NewGuid().ToString()));
    }
}
