using Npgsql;

namespace VoiceNote.Benchmarks;

/// <summary>The benchmarks' own databases on the given server, never the application's.</summary>
internal static class BenchDatabase
{
    /// <summary>Creates <paramref name="database"/> when it is missing (the API migrates it on start) and returns its connection string.</summary>
    public static async Task<string> EnsureAsync(string serverConnection, string database)
    {
        await using (var connection = new NpgsqlConnection(serverConnection))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", database);
            if ((long)(await exists.ExecuteScalarAsync())! == 0)
            {
                await new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection).ExecuteNonQueryAsync();
            }
        }

        return new NpgsqlConnectionStringBuilder(serverConnection) { Database = database }.ConnectionString;
    }

    public static string MasterKeyFile(string database) => Path.Combine(Path.GetTempPath(), "voicenote-bench", database, "master.key");
}
