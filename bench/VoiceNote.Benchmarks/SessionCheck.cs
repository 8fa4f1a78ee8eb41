using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using VoiceNote.Modules.Identity.Infrastructure.Server;

namespace VoiceNote.Benchmarks;

/// <summary>
/// The API's per-request check as SQL alone, the statement each side runs for every authenticated
/// request: before OpenIddict the session lookup (kept here, since the code that ran it is gone); after
/// it <see cref="LiveTokenCheck"/>'s own statement (ADR 0059).
/// </summary>
internal sealed class SessionCheck
{
    private const string SessionLookupSql =
        """
        SELECT u.is_admin, u.admin_permissions FROM identity.sessions s JOIN identity.users u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active AND NOT u.is_deleted
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
        return new SessionCheck(dataSource, LiveTokenCheck.Sql, () =>
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
