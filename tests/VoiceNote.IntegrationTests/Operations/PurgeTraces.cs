using Npgsql;
using VoiceNote.IntegrationTests.AudioProcessing.Pipeline;

namespace VoiceNote.IntegrationTests.Operations;

/// <summary>
/// Where an account could still show after its purge (ADR 0085), looked for without knowing the modules' tables:
/// every column of every table in the database, and every path under a storage root.
/// </summary>
internal static class PurgeTraces
{
    /// <summary>
    /// "schema.table.column (n rows)" for every column that names <paramref name="user"/>: a uuid column equal to it,
    /// or any text, json or array column whose text holds it in either of its usual forms (with or without dashes).
    /// </summary>
    public static async Task<IReadOnlyList<string>> InDatabaseAsync(string connectionString, Guid user)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand(
            """
            SELECT format('%I.%I', c.table_schema, c.table_name), quote_ident(c.column_name), c.data_type
            FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
              AND c.data_type IN ('uuid', 'text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var found = new List<string>();
        foreach (var (table, column, type) in columns)
        {
            var where = type == "uuid" ? $"{column} = $1" : $"({column}::text LIKE '%' || $2 || '%' OR {column}::text LIKE '%' || $3 || '%')";
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE {where}", connection);
            count.Parameters.Add(new NpgsqlParameter { Value = user });
            count.Parameters.Add(new NpgsqlParameter { Value = user.ToString("D") });
            count.Parameters.Add(new NpgsqlParameter { Value = user.ToString("N") });
            var rows = (long)(await count.ExecuteScalarAsync())!;
            if (rows > 0)
            {
                found.Add($"{table}.{column} ({rows} rows)");
            }
        }

        return found;
    }

    /// <summary>Every file or folder under <paramref name="root"/> whose path names <paramref name="user"/>.</summary>
    public static IReadOnlyList<string> InFiles(string root, Guid user) =>
        Directory.Exists(root)
            ? Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(root, path))
                .Where(path => path.Contains(user.ToString("D"), StringComparison.OrdinalIgnoreCase) || path.Contains(user.ToString("N"), StringComparison.OrdinalIgnoreCase))
                .ToList()
            : [];

    /// <summary>
    /// Waits until no module has an integration event left to deliver (a delivered event's handlers may publish more,
    /// so the outboxes must be found empty twice in a row); fails on a parked one, with its error.
    /// </summary>
    public static async Task DrainOutboxesAsync(string connectionString, TimeSpan within)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var schemas = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT quote_ident(table_schema) FROM information_schema.tables WHERE table_name = 'outbox_messages'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                schemas.Add(reader.GetString(0));
            }
        }

        var pending = string.Join(" + ", schemas.Select(s => $"(SELECT count(*) FROM {s}.outbox_messages WHERE processed_at IS NULL AND parked_at IS NULL)"));
        var parked = string.Join(" UNION ALL ", schemas.Select(s => $"SELECT type || ': ' || coalesce(last_error, '') FROM {s}.outbox_messages WHERE parked_at IS NOT NULL"));
        var emptyInARow = 0;
        var drained = await ProcessingApi.EventuallyAsync(async () =>
        {
            await using var count = new NpgsqlCommand($"SELECT {pending}", connection);
            emptyInARow = (long)(await count.ExecuteScalarAsync())! == 0 ? emptyInARow + 1 : 0;
            return emptyInARow >= 2;
        }, within);

        await using var errors = new NpgsqlCommand(parked, connection);
        var parkedMessages = new List<string>();
        await using (var reader = await errors.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                parkedMessages.Add(reader.GetString(0));
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(drained, Is.True, "every integration event delivered in time");
            Assert.That(parkedMessages, Is.Empty, "no handler gave up on an event");
        });
    }
}
