using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Infrastructure.Tokens;

namespace VoiceNote.Modules.Identity.Application.Sessions;

/// <summary>
/// Starts sessions and rotates their refresh tokens. Every refresh replaces the token; presenting a
/// replaced token again is reuse, and ends the whole session (its stolen copy dies with it).
/// </summary>
internal sealed class SessionIssuer(IdentityDbContext db, AccessTokenIssuer tokens, IOptions<AuthOptions> options, TimeProvider clock)
{
    private const string RefreshPrefix = "vnr_";

    public async Task<TokenResponse> StartAsync(User user, SessionDevice device, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = new Session
        {
            Id = Guid.CreateVersion7(),
            UserId = user.Id,
            DeviceId = device.DeviceId,
            DeviceModel = device.DeviceModel,
            IpAddress = device.IpAddress,
            Scopes = scopes.ToList(),
            CreatedAt = now,
            LastUsedAt = now,
            ExpiresAt = now + options.Value.SessionMaxLifetime,
        };
        var refresh = NewRefreshToken(session, now);
        db.Sessions.Add(session);
        var access = await tokens.IssueAsync(user.Id, session.Id, null, scopes, cancellationToken);
        return new TokenResponse(access.Token, "Bearer", access.ExpiresInSeconds, refresh, string.Join(' ', scopes), session.Id);
    }

    public async Task<Result<TokenResponse>> RefreshAsync(string presented, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = OpaqueTokens.Hash(presented);
        var token = await db.RefreshTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null)
        {
            return IdentityErrors.InvalidRefreshToken;
        }

        var session = await db.Sessions.FirstAsync(s => s.Id == token.SessionId, cancellationToken);
        var user = await db.Users.FirstAsync(u => u.Id == session.UserId, cancellationToken);

        // Claim the token atomically: of two concurrent refreshes with one token, only one wins.
        var claimed = token.UsedAt is null && await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.UsedAt, now), cancellationToken) == 1;
        if (!claimed)
        {
            session.Revoke("refresh_token_reuse", now);
            return IdentityErrors.InvalidRefreshToken;
        }

        if (!session.IsActive(now) || token.ExpiresAt <= now || !user.CanSignIn)
        {
            return IdentityErrors.InvalidRefreshToken;
        }

        session.LastUsedAt = now;
        var refresh = NewRefreshToken(session, now);
        var access = await tokens.IssueAsync(user.Id, session.Id, null, session.Scopes, cancellationToken);
        return new TokenResponse(access.Token, "Bearer", access.ExpiresInSeconds, refresh, string.Join(' ', session.Scopes), session.Id);
    }

    /// <summary>Ends every live session of a user (sign-out everywhere, password change, deletion).</summary>
    public Task<int> RevokeAllAsync(Guid userId, string reason, Guid? except, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Sessions
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != except)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), cancellationToken);
    }

    /// <summary>Which of the requested scopes a person's session gets: all when none are asked for, else a valid subset.</summary>
    public static Result<IReadOnlyList<string>> ResolveUserScopes(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return Result.Success(ApiScopes.All);
        }

        var asked = requested.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        return asked.All(ApiScopes.IsKnown) ? Result.Success<IReadOnlyList<string>>(asked) : IdentityErrors.InvalidScope;
    }

    private string NewRefreshToken(Session session, DateTimeOffset now)
    {
        var value = OpaqueTokens.New(RefreshPrefix);
        var expires = now + options.Value.RefreshTokenLifetime;
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = Guid.CreateVersion7(),
            SessionId = session.Id,
            TokenHash = OpaqueTokens.Hash(value),
            CreatedAt = now,
            ExpiresAt = expires < session.ExpiresAt ? expires : session.ExpiresAt,
        });
        return value;
    }
}

/// <summary>Where a sign-in comes from, kept on its session so the user can tell their sessions apart.</summary>
internal sealed record SessionDevice(string? DeviceId, string? DeviceModel, string? IpAddress);
