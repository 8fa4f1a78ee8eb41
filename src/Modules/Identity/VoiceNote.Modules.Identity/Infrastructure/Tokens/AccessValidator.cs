using System.Security.Claims;
using Npgsql;
using VoiceNote.Infrastructure.Security;

namespace VoiceNote.Modules.Identity.Infrastructure.Tokens;

/// <summary>
/// The per-request check after the signature: the session (or partner client) is still live and the
/// user active. One indexed lookup, so sign-out, deletion and deactivation stop tokens at once; it
/// also loads the user's current admin permissions (tokens do not carry them, so a revoke is immediate).
/// A partner token must also come from the client's current secret (rotation ends it) and is held to
/// the client's current scopes (narrowing them applies at once).
/// </summary>
internal sealed class AccessValidator(NpgsqlDataSource dataSource)
{
    private const string SessionSql =
        """
        SELECT u.is_admin, u.admin_permissions FROM identity.sessions s JOIN identity.users u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active AND NOT u.is_deleted
        """;

    private const string ClientSql =
        """
        SELECT c.secret_hash, c.scopes FROM identity.oauth_clients c JOIN identity.users u ON u.id = c.owner_id
        WHERE c.client_id = $1 AND u.id = $2 AND c.enabled AND u.is_active AND NOT u.is_deleted
        """;

    /// <returns>Null when the token must be refused; otherwise what to add to (or hold) the caller to.</returns>
    public async Task<AccessGrant?> ValidateAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirst(VoiceNoteClaims.Subject)?.Value, out var userId))
        {
            return null;
        }

        if (principal.FindFirst(VoiceNoteClaims.ClientId)?.Value is { } clientId)
        {
            return await ValidateClientAsync(clientId, userId, principal.FindFirst(ClientSecretVersion.Claim)?.Value, cancellationToken);
        }

        if (!Guid.TryParse(principal.FindFirst(VoiceNoteClaims.SessionId)?.Value, out var sessionId))
        {
            return null;
        }

        await using var command = dataSource.CreateCommand(SessionSql);
        command.Parameters.Add(new NpgsqlParameter { Value = sessionId });
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var permissions = reader.GetBoolean(0) && !reader.IsDBNull(1) ? reader.GetFieldValue<string[]>(1) : [];
        return new AccessGrant(permissions, ClientScopes: null);
    }

    private async Task<AccessGrant?> ValidateClientAsync(string clientId, Guid userId, string? secretVersion, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClientSql);
        command.Parameters.Add(new NpgsqlParameter { Value = clientId });
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || !ClientSecretVersion.Matches(secretVersion, reader.GetString(0)))
        {
            return null;
        }

        // Partner tokens never carry admin permissions: they act for the owner as a user only.
        return new AccessGrant([], reader.GetFieldValue<string[]>(1));
    }
}

/// <summary>
/// What a valid token's caller holds now: the admin permissions (a person's session only) and, for a
/// partner token, the client's current scopes, which cap the scopes the token was issued with.
/// </summary>
internal sealed record AccessGrant(string[] Permissions, string[]? ClientScopes);
