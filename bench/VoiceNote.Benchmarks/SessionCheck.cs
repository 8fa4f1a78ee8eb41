using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace VoiceNote.Benchmarks;

/// <summary>
/// The API's per-request check as SQL alone, the statement each side runs for every authenticated
/// request: before OpenIddict the session lookup; after it LiveTokenCheck's query (ADR 0059), copied
/// from Identity/Infrastructure/Server/LiveTokenCheck.cs because the API keeps it internal.
/// </summary>
internal sealed class SessionCheck
{
    private const string SessionLookupSql =
        """
        SELECT u.is_admin, u.admin_permissions FROM identity.sessions s JOIN identity.users u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active AND NOT u.is_deleted
        """;

    private const string LiveTokenSql =
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

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _sql;
    private readonly Func<NpgsqlParameter[]> _parameters;

    private SessionCheck(NpgsqlDataSource dataSource, string sql, Func<NpgsqlParameter[]> parameters, string name)
    {
        _dataSource = dataSource;
        _sql = sql;
        _parameters = parameters;
        Name = name;
    }

    /// <summary>"session lookup" (before) or "live-token check" (after).</summary>
    public string Name { get; }

    /// <summary>Picks the side's statement by its token: only OpenIddict's tokens name their token entry (oi_tkn_id).</summary>
    public static SessionCheck For(NpgsqlDataSource dataSource, JsonElement claims, Guid userId, Guid sessionId)
    {
        if (!claims.TryGetProperty("oi_tkn_id", out var tokenId))
        {
            return new SessionCheck(dataSource, SessionLookupSql, () => [new() { Value = sessionId }, new() { Value = userId }], "session lookup");
        }

        var tokenGuid = Guid.Parse(tokenId.GetString()!);
        var sid = Guid.Parse(claims.GetProperty("sid").GetString()!);
        return new SessionCheck(dataSource, LiveTokenSql, () =>
        [
            new() { Value = tokenGuid },
            new() { Value = userId },
            new NpgsqlParameter<string?> { TypedValue = null, NpgsqlDbType = NpgsqlDbType.Text },
            new NpgsqlParameter<Guid?> { TypedValue = sid, NpgsqlDbType = NpgsqlDbType.Uuid },
        ], "live-token check");
    }

    /// <summary>One check; a missing row would mean the bench measured a rejection, so it fails.</summary>
    public async Task RunAsync()
    {
        await using var command = _dataSource.CreateCommand(_sql);
        command.Parameters.AddRange(_parameters());
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException($"The {Name} found no row.");
        }
    }
}
