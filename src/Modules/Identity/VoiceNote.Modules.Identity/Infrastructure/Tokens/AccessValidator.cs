using System.Security.Claims;
using Npgsql;
using VoiceNote.Infrastructure.Security;

namespace VoiceNote.Modules.Identity.Infrastructure.Tokens;

/// <summary>
/// The per-request check after the signature: the session (or partner client) is still live and the
/// user active. One indexed lookup, so sign-out, deletion and deactivation stop tokens at once; it
/// also loads the user's current admin permissions (tokens do not carry them, so a revoke is immediate).
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
        SELECT false, NULL::text[] FROM identity.oauth_clients c JOIN identity.users u ON u.id = c.owner_id
        WHERE c.client_id = $1 AND u.id = $2 AND c.enabled AND u.is_active AND NOT u.is_deleted
        """;

    /// <returns>Null when the token must be refused; otherwise the admin permissions to add.</returns>
    public async Task<string[]?> ValidateAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirst(VoiceNoteClaims.Subject)?.Value, out var userId))
        {
            return null;
        }

        await using var command = dataSource.CreateCommand();
        if (principal.FindFirst(VoiceNoteClaims.ClientId)?.Value is { } clientId)
        {
            command.CommandText = ClientSql;
            command.Parameters.Add(new NpgsqlParameter { Value = clientId });
        }
        else if (Guid.TryParse(principal.FindFirst(VoiceNoteClaims.SessionId)?.Value, out var sessionId))
        {
            command.CommandText = SessionSql;
            command.Parameters.Add(new NpgsqlParameter { Value = sessionId });
        }
        else
        {
            return null;
        }

        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return reader.GetBoolean(0) && !reader.IsDBNull(1) ? reader.GetFieldValue<string[]>(1) : [];
    }
}
