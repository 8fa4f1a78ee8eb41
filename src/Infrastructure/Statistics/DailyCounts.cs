using Microsoft.EntityFrameworkCore.Migrations;
using VoiceNote.Infrastructure.Persistence;

namespace VoiceNote.Infrastructure.Statistics;

/// <summary>
/// A module's rolled-up figures (docs/decisions/0087): <c>&lt;schema&gt;.daily_counts (day, metric, dimension, value)</c>,
/// kept by statement triggers on the counted tables in the writer's own transaction, so a total or a daily series is a
/// sum over a few rows however many rows were counted. A table's share is one SELECT over its rows (the placeholder
/// <c>{rows}</c>) giving <c>day, metric, dimension, value</c>: an insert adds the new rows' share, a delete takes the
/// old rows' away, an update does both; the migration that counts a table backfills its share from the rows already there.
/// </summary>
public static class DailyCounts
{
    public const string Table = "daily_counts";

    /// <summary>The rows placeholder in a share's SELECT.</summary>
    public const string Rows = "{rows}";

    /// <summary>The UTC day of a timestamp column, as the counts file it.</summary>
    public static string DayOf(string column) => $"({column} AT TIME ZONE 'UTC')::date";

    public static void AddDailyCounts(this MigrationBuilder migration, string schema)
    {
        var s = Sql.Identifier(schema);
        migration.Sql($"""
            CREATE TABLE {s}.{Table} (
                day date NOT NULL,
                metric varchar(64) NOT NULL,
                dimension varchar(200) NOT NULL DEFAULT '',
                value bigint NOT NULL,
                CONSTRAINT pk_{Table} PRIMARY KEY (metric, dimension, day));
            """);
    }

    public static void DropDailyCounts(this MigrationBuilder migration, string schema) =>
        migration.Sql($"DROP TABLE IF EXISTS {Sql.Identifier(schema)}.{Table};");

    /// <summary>
    /// Counts <paramref name="table"/> by <paramref name="share"/> from now on, and backfills what is there.
    /// <paramref name="keptAfterDelete"/>: deleting a row leaves its share (an event that happened, such as a finished
    /// job or an export, whose rows a purge removes later).
    /// </summary>
    public static void CountRows(this MigrationBuilder migration, string schema, string table, string name, string share, bool keptAfterDelete = false)
    {
        var s = Sql.Identifier(schema);
        var t = Sql.Identifier(table);
        var n = Sql.Identifier(name);
        var function = $"{s}.count_{n}";
        var deleteTrigger = keptAfterDelete ? string.Empty : $"""

            CREATE TRIGGER {n}_counted_delete AFTER DELETE ON {s}.{t} REFERENCING OLD TABLE AS old_rows
                FOR EACH STATEMENT EXECUTE FUNCTION {function}();
            """;
        migration.Sql($"""
            CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    {Add(s, Of(share, "new_rows"))}
                ELSIF TG_OP = 'UPDATE' THEN
                    {Add(s, $"SELECT day, metric, dimension, value FROM ({Of(share, "new_rows")}) AS came UNION ALL SELECT day, metric, dimension, -value AS value FROM ({Of(share, "old_rows")}) AS gone")}
                ELSE
                    {Add(s, $"SELECT day, metric, dimension, -value AS value FROM ({Of(share, "old_rows")}) AS gone")}
                END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER {n}_counted_insert AFTER INSERT ON {s}.{t} REFERENCING NEW TABLE AS new_rows
                FOR EACH STATEMENT EXECUTE FUNCTION {function}();
            CREATE TRIGGER {n}_counted_update AFTER UPDATE ON {s}.{t} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                FOR EACH STATEMENT EXECUTE FUNCTION {function}();{deleteTrigger}
            {Add(s, Of(share, $"{s}.{t}"))}
            """);
    }

    /// <summary>Drops what <see cref="CountRows"/> made (the counts stay until the table goes).</summary>
    public static void StopCountingRows(this MigrationBuilder migration, string schema, string table, string name)
    {
        var s = Sql.Identifier(schema);
        var t = Sql.Identifier(table);
        var n = Sql.Identifier(name);
        migration.Sql($"""
            DROP TRIGGER IF EXISTS {n}_counted_insert ON {s}.{t};
            DROP TRIGGER IF EXISTS {n}_counted_update ON {s}.{t};
            DROP TRIGGER IF EXISTS {n}_counted_delete ON {s}.{t};
            DROP FUNCTION IF EXISTS {s}.count_{n}();
            """);
    }

    private static string Of(string share, string rows) => share.Replace(Rows, rows, StringComparison.Ordinal);

    // Grouped first (ON CONFLICT may touch a row once per statement) and in key order, so two writers lock the
    // counters they share in the same order; a zero change writes nothing, so most updates touch no counter.
    private static string Add(string schema, string changes) => $"""
        INSERT INTO {schema}.{Table} AS c (day, metric, dimension, value)
                    SELECT day, metric, dimension, sum(value) FROM ({changes}) AS change
                    GROUP BY metric, dimension, day HAVING sum(value) <> 0 ORDER BY metric, dimension, day
                    ON CONFLICT (metric, dimension, day) DO UPDATE SET value = c.value + excluded.value;
        """;
}
