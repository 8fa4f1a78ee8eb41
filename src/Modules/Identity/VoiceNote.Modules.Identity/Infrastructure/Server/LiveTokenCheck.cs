using System.Security.Claims;
using Npgsql;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using VoiceNote.Infrastructure.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace VoiceNote.Modules.Identity.Infrastructure.Server;

/// <summary>
/// The per-request check after OpenIddict has validated an access token's signature, type, issuer,
/// audience and lifetime: the token's own entry is still valid (revocation, sign-out, refresh-token reuse
/// and client changes revoke entries) and belongs to the session the token names, that session (the
/// authorization) is not revoked — which also stops a token issued while its session was being ended —
/// the user is active, a partner's client is enabled. One indexed query, which also loads the user's
/// admin permissions (tokens never carry them, so a revoke is immediate) and a partner client's current
/// scopes (narrowing them applies to live tokens). ADR 0059.
/// A database that is away is not a reason to reject the token (a 401 would make clients drop a valid
/// session): the driver's exception propagates, and the host's exception handler answers 503 with
/// Retry-After (ADR 0064).
/// </summary>
internal sealed class LiveTokenCheck(NpgsqlDataSource dataSource) : IOpenIddictValidationHandler<ProcessAuthenticationContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseSingletonHandler<LiveTokenCheck>()
            .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 1_000)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    /// <summary>The statement itself; the auth benchmark runs it alone to measure its cost.</summary>
    internal const string Sql =
        """
        SELECT u.is_admin, u.admin_permissions, c.scopes
        FROM identity.openiddict_tokens t
        JOIN identity.users u ON u.id = $2
        LEFT JOIN identity.openiddict_authorizations a ON a.id = t.authorization_id
        LEFT JOIN identity.oauth_clients c ON c.client_id = $3
        WHERE t.id = $1 AND t.status = 'valid' AND t.subject = $2::text AND t.authorization_id IS NOT DISTINCT FROM $4
          AND (t.authorization_id IS NULL OR a.status = 'valid')
          AND u.is_active AND NOT u.is_deleted AND ($3 IS NULL OR c.enabled)
        """;

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        if (context.AccessTokenPrincipal is not { Identity: ClaimsIdentity identity } principal)
        {
            return;
        }

        if (!Guid.TryParse(principal.GetTokenId(), out var tokenId) || !Guid.TryParse(principal.GetClaim(Claims.Subject), out var userId))
        {
            context.Reject(Errors.InvalidToken, "The access token is not known to this server.");
            return;
        }

        // A session token's "sid" is its authorization (session) id; a client credentials token has neither.
        Guid? sessionId = principal.GetClaim(VoiceNoteClaims.SessionId) is { } sid ? Guid.TryParse(sid, out var parsed) ? parsed : Guid.Empty : null;
        var partner = VoiceNoteClaims.PartnerClientId(principal);
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter { Value = tokenId });
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = partner, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<Guid?> { TypedValue = sessionId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        await using var reader = await command.ExecuteReaderAsync(context.CancellationToken);
        if (!await reader.ReadAsync(context.CancellationToken))
        {
            context.Reject(Errors.InvalidToken, "The access token has been revoked, or its account or client is no longer active.");
            return;
        }

        // Partner tokens never carry admin permissions: they act for the user as a user only.
        var permissions = partner is null && reader.GetBoolean(0) && !reader.IsDBNull(1) ? reader.GetFieldValue<string[]>(1) : [];
        foreach (var claim in identity.FindAll(VoiceNoteClaims.Permission).ToList())
        {
            identity.RemoveClaim(claim);
        }

        identity.AddClaims(permissions.Select(p => new Claim(VoiceNoteClaims.Permission, p)));
        if (partner is not null && !reader.IsDBNull(2))
        {
            HoldToScopes(identity, reader.GetFieldValue<string[]>(2));
        }
    }

    /// <summary>A partner token keeps only the scopes its client still has (the owner may have narrowed them since).</summary>
    private static void HoldToScopes(ClaimsIdentity identity, IReadOnlyCollection<string> allowed)
    {
        var claims = identity.FindAll(VoiceNoteClaims.Scope).ToList();
        var kept = claims.SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(s => allowed.Contains(s, StringComparer.Ordinal) || !s.Contains(':', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            identity.RemoveClaim(claim);
        }

        identity.AddClaim(new Claim(VoiceNoteClaims.Scope, string.Join(' ', kept)));
    }
}
