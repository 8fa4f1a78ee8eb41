using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Infrastructure.Server;
using VoiceNote.Modules.Identity.Infrastructure.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace VoiceNote.Modules.Identity.Application.Sessions;

/// <summary>
/// Starts, continues and ends sessions. A session is an OpenIddict authorization (same id) plus what
/// the user sees of it (device, address, last use); every token of the sign-in hangs from it, so
/// ending the session revokes them all. Token formats and rotation are OpenIddict's.
/// </summary>
internal sealed class SessionIssuer(
    IdentityDbContext db,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictApplicationManager applications,
    IOptions<AuthOptions> options,
    TimeProvider clock)
{
    public async Task<StartedSession> StartAsync(User user, string clientId, SessionDevice device, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken)
            ?? throw new InvalidOperationException($"OAuth client '{clientId}' is not registered.");
        var descriptor = new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = await applications.GetIdAsync(application, cancellationToken),
            Subject = user.Id.ToString(),
            Type = AuthorizationTypes.AdHoc,
            Status = Statuses.Valid,
            CreationDate = now,
        };
        descriptor.Scopes.UnionWith(scopes);
        var authorization = await authorizations.CreateAsync(descriptor, cancellationToken);
        var session = new Session
        {
            Id = Guid.Parse((await authorizations.GetIdAsync(authorization, cancellationToken))!),
            UserId = user.Id,
            ClientId = clientId,
            DeviceId = device.DeviceId,
            DeviceModel = device.DeviceModel,
            IpAddress = device.IpAddress,
            Scopes = scopes.ToList(),
            CreatedAt = now,
            LastUsedAt = now,
            ExpiresAt = now + options.Value.SessionMaxLifetime,
        };
        db.Sessions.Add(session);
        return new StartedSession(user.Id, session.Id, session.Scopes);
    }

    /// <summary>A refresh or a code redemption: the session and its user must still be live.</summary>
    public async Task<Result<StartedSession>> ContinueAsync(Guid sessionId, Guid userId, Guid? refreshTokenId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // The session row is locked first, so refreshes in one session take turns: two losers of a race
        // for one refresh token would otherwise revoke the same token rows in opposite orders and deadlock.
        var session = (await db.Sessions
            .FromSql($"SELECT * FROM identity.sessions WHERE id = {sessionId} AND user_id = {userId} FOR UPDATE")
            .ToListAsync(cancellationToken)).SingleOrDefault();
        if (session is not null && refreshTokenId is { } tokenId && await db.OAuthTokens
                .Where(t => t.Id == tokenId && t.Status == Statuses.Valid)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, Statuses.Redeemed).SetProperty(x => x.RedemptionDate, now.UtcDateTime), cancellationToken) == 0)
        {
            await RevokeAsync(session, RefreshReuseRecorder.Reason, cancellationToken);
            return IdentityErrors.InvalidRefreshToken;
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (session is null || !session.IsActive(now) || user is null || !user.CanSignIn)
        {
            return IdentityErrors.InvalidRefreshToken;
        }

        session.LastUsedAt = now;
        return new StartedSession(userId, session.Id, session.Scopes);
    }

    /// <summary>Ends one session and revokes every token issued in it.</summary>
    public async Task RevokeAsync(Session session, string reason, CancellationToken cancellationToken)
    {
        session.Revoke(reason, clock.GetUtcNow());
        await RevokeTokensAsync([session.Id], cancellationToken);
    }

    /// <summary>Ends every live session of a user (sign-out everywhere, password change, deletion).</summary>
    public async Task<int> RevokeAllAsync(Guid userId, string reason, Guid? except, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != except).Select(s => s.Id).ToListAsync(cancellationToken);
        await db.Sessions.Where(s => ids.Contains(s.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), cancellationToken);
        await RevokeTokensAsync(ids, cancellationToken);
        return ids.Count;
    }

    private async Task RevokeTokensAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken)
    {
        await db.OAuthTokens.Where(t => sessionIds.Contains(t.Authorization!.Id) && t.Status != Statuses.Revoked)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, Statuses.Revoked), cancellationToken);
        await db.OAuthAuthorizations.Where(a => sessionIds.Contains(a.Id))
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, Statuses.Revoked), cancellationToken);
    }

    /// <summary>
    /// Which of the requested scopes a session gets: the API scopes asked for (all of <paramref name="allowed"/>
    /// when none are), never one outside <paramref name="allowed"/>, plus the OpenID Connect scopes asked for.
    /// </summary>
    public static Result<IReadOnlyList<string>> ResolveScopes(IEnumerable<string> requested, IReadOnlyList<string> allowed)
    {
        var asked = requested.Distinct(StringComparer.Ordinal).ToList();
        if (asked.Any(s => !allowed.Contains(s, StringComparer.Ordinal) && !OpenIddictRegistration.ProtocolScopes.Contains(s, StringComparer.Ordinal)))
        {
            return IdentityErrors.InvalidScope;
        }

        var api = asked.Where(ApiScopes.IsKnown).ToList();
        var granted = (api.Count == 0 ? allowed : api).Concat(asked.Where(s => !ApiScopes.IsKnown(s))).ToList();
        return granted;
    }
}

/// <summary>Where a sign-in comes from, kept on its session so the user can tell their sessions apart.</summary>
internal sealed record SessionDevice(string? DeviceId, string? DeviceModel, string? IpAddress);

/// <summary>A session that may receive tokens: whose they are, which session, which scopes.</summary>
internal sealed record StartedSession(Guid UserId, Guid SessionId, IReadOnlyList<string> Scopes);
