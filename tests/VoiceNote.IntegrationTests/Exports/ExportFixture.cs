using Npgsql;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Exports;

/// <summary>What the export tests share: SQL to look at rows the API does not show, and to age them.</summary>
public abstract class ExportFixture : DatabaseFixture
{
    protected Task<long> CountAsync(string sql) => ScalarAsync<long>(sql);

    protected async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
