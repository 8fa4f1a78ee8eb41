using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace VoiceNote.Benchmarks;

/// <summary>
/// <c>build/bench.sh cases</c> (issue 14): the case list of a user who takes part in 500 of 5,000 cases, through the
/// API against the same SQL alone through Npgsql, in one run, with the plans PostgreSQL picks. Its own database;
/// the cases and participant rows are seeded with COPY BINARY (the other participants need no account: nothing
/// reads Identity for a list).
/// </summary>
internal static class CasesBenchmark
{
    private static readonly string[] Roles = ["Owner", "Editor", "Contributor", "Viewer"];
    private static readonly string[] Statuses = ["ACTIVE", "ACTIVE", "PENDING", "CLOSED"];
    private static readonly (string Code, int Weight)[] Priorities = [("HIGH", 300), ("MEDIUM", 200), ("MEDIUM", 200), ("LOW", 100), ("LOW", 100)];

    /// <summary><c>build/bench.sh cases [--cases N] [--user-cases N] [--users N] [--warmup N] [--samples N] [--concurrency N] [--throughput N]</c>.</summary>
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var totalCases = options.Number("cases", 5_000);
        var userCases = options.Number("user-cases", 500);
        var otherUsers = options.Number("users", 400);
        var report = new BenchReport(options.Output);

        var connection = await BenchDatabase.EnsureAsync(options.ConnectionString, options.Database);
        var workDir = Directory.CreateTempSubdirectory("voicenote-bench-cases-").FullName;
        var startLoad = Machine.Describe();
        await using var api = await ApiProcess.StartAsync(options.WebApiDll, connection, options.Port, workDir, BenchDatabase.MasterKeyFile(options.Database));
        var (userId, token) = await api.CreateUserAsync("cases_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connection) { MaxPoolSize = 40, CommandTimeout = 0 }.ConnectionString);

        Console.Error.WriteLine("Seeding …");
        var seeding = Stopwatch.StartNew();
        var (participantRows, listed) = await SeedAsync(dataSource, userId, totalCases, userCases, otherUsers);
        seeding.Stop();

        var deepPage = (int)(listed / DeepPage.PageSize);
        using var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var deepCursor = await WalkToPageAsync(http, deepPage);
        var deepKeys = await DeepKeysAsync(dataSource, userId, deepPage);
        const string filter = "?status=ACTIVE&role=EDITOR";
        var filtered = await CountAsync(dataSource, userId, "AND c.status_code = 'ACTIVE' AND p.role = 'Editor'");

        report.Line($"## Case list (issue 14) — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.Line(string.Empty);
        report.Line($"Machine: {startLoad}. Data: {totalCases:N0} cases, {participantRows:N0} participant rows; the measured user takes part in {userCases:N0} "
            + $"(a quarter each owner, editor, contributor, viewer; statuses ACTIVE/PENDING/CLOSED, priorities HIGH/MEDIUM/LOW; every 25th in the trash), "
            + $"so the list shows {listed:N0}; the other cases have 2–4 participants among {otherUsers:N0} other users. Seeded with COPY BINARY in {seeding.Elapsed.TotalSeconds:F1} s, then VACUUM ANALYZE.");
        report.Line(string.Empty);
        report.Line($"Latency: {options.Samples} sequential calls after {options.Warmup} warm-up calls; throughput: {options.ThroughputCalls} calls over {options.Concurrency} concurrent clients. "
            + "API = HTTP on 127.0.0.1 through authentication, the pipeline and EF/Npgsql; SQL = the statements EF sends for the same list, straight through Npgsql (the first page also counts the total, as the API does).");
        report.Line(string.Empty);

        var scenarios = new (string Name, Func<int, Task> Api, Func<int, Task> Sql, string Where, (int, DateTimeOffset, Guid)? After)[]
        {
            ("first page (20, with total)", _ => GetAsync(http, "/api/v1/cases"), _ => ListSqlAsync(dataSource, userId, string.Empty, null, count: true), string.Empty, null),
            ($"page {deepPage} (keyset cursor, the last full page)", _ => GetAsync(http, "/api/v1/cases?cursor=" + Uri.EscapeDataString(deepCursor)),
                _ => ListSqlAsync(dataSource, userId, string.Empty, deepKeys, count: false), string.Empty, deepKeys),
            ($"status=ACTIVE & role=EDITOR, first page (with total; {filtered} match)", _ => GetAsync(http, "/api/v1/cases" + filter),
                _ => ListSqlAsync(dataSource, userId, "AND c.status_code = 'ACTIVE' AND p.role = 'Editor'", null, count: true), "AND c.status_code = 'ACTIVE' AND p.role = 'Editor'", null),
        };

        report.Line("| scenario | API p50 ms | API p95 ms | API req/s | SQL p50 ms | SQL p95 ms | SQL req/s | API/SQL p50 |");
        report.Line("|---|---|---|---|---|---|---|---|");
        foreach (var (name, apiCall, sqlCall, _, _) in scenarios)
        {
            Console.Error.WriteLine($"  {name}");
            var viaApi = await Measure.RunAsync(apiCall, options.Warmup, options.Samples, options.Concurrency, options.ThroughputCalls);
            var viaSql = await Measure.RunAsync(sqlCall, options.Warmup, options.Samples, options.Concurrency, options.ThroughputCalls);
            report.Line(FormattableString.Invariant(
                $"| {name} | {viaApi.P50Ms:F1} | {viaApi.P95Ms:F1} | {viaApi.RequestsPerSecond:F0} | {viaSql.P50Ms:F1} | {viaSql.P95Ms:F1} | {viaSql.RequestsPerSecond:F0} | {viaApi.P50Ms / viaSql.P50Ms:F2} |"));
        }

        report.Line(string.Empty);
        foreach (var (name, _, _, where, after) in scenarios)
        {
            report.Line($"Plan, {name} (EXPLAIN ANALYZE, timing off):");
            report.Line(string.Empty);
            report.Line("```");
            foreach (var line in await ExplainAsync(dataSource, userId, where, after))
            {
                report.Line(line);
            }

            report.Line("```");
            report.Line(string.Empty);
        }

        report.Line($"Load average at the end: {Machine.LoadAverage()}.");
        await report.SaveAsync();
        Directory.Delete(workDir, recursive: true);
        return 0;
    }

    /// <summary>Replaces every case with the seeded ones; returns the participant rows written and how many cases the user's list shows.</summary>
    private static async Task<(long Participants, long Listed)> SeedAsync(NpgsqlDataSource dataSource, Guid user, int totalCases, int userCases, int otherUsers)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await ExecuteAsync(connection, "TRUNCATE cases.cases CASCADE; DELETE FROM cases.code_counters;");
        var others = Enumerable.Range(0, otherUsers).Select(_ => Guid.CreateVersion7()).ToArray();
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var random = new Random(14);
        var cases = new List<(Guid Id, Guid Owner, DateTimeOffset At)>(totalCases);
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY cases.cases (id, code, title, description, status_code, priority_code, created_by, created_at, updated_at, closed_at, is_deleted, deleted_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < totalCases; i++)
            {
                // The user's cases are spread over the whole range, not the first 500.
                var mine = i % (totalCases / userCases) == 0 && i / (totalCases / userCases) < userCases;
                var created = start.AddMinutes(i * 97L);
                var updated = created.AddMinutes(random.Next(0, 60 * 24 * 60));
                // Drawn, not cycled with i: a cycle would line up with the user's roles (every 10th case, roles in turn).
                var status = Statuses[random.Next(Statuses.Length)];
                var priority = Priorities[random.Next(Priorities.Length)].Code;
                var deleted = mine && i / (totalCases / userCases) % 25 == 24;
                var id = Guid.CreateVersion7(created);
                var owner = others[i % others.Length];
                cases.Add((id, mine ? user : owner, created));
                await importer.StartRowAsync();
                await importer.WriteAsync(id, NpgsqlDbType.Uuid);
                await importer.WriteAsync($"VN-2025-{i + 1:D5}", NpgsqlDbType.Varchar);
                await importer.WriteAsync($"Case {i}: {(i % 3 == 0 ? "water damage" : i % 3 == 1 ? "client interview" : "incident review")}", NpgsqlDbType.Varchar);
                await importer.WriteAsync("Seeded for the case list benchmark.", NpgsqlDbType.Varchar);
                await importer.WriteAsync(status, NpgsqlDbType.Varchar);
                await importer.WriteAsync(priority, NpgsqlDbType.Varchar);
                await importer.WriteAsync(mine && i % 4 == 0 ? user : owner, NpgsqlDbType.Uuid);
                await importer.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(updated, NpgsqlDbType.TimestampTz);
                if (status == "CLOSED")
                {
                    await importer.WriteAsync(updated, NpgsqlDbType.TimestampTz);
                }
                else
                {
                    await importer.WriteNullAsync();
                }

                await importer.WriteAsync(deleted, NpgsqlDbType.Boolean);
                if (deleted)
                {
                    await importer.WriteAsync(updated, NpgsqlDbType.TimestampTz);
                }
                else
                {
                    await importer.WriteNullAsync();
                }
            }

            await importer.CompleteAsync();
        }

        long rows = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY cases.participants (case_id, user_id, role, added_by, added_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            var mineSeen = 0;
            for (var i = 0; i < cases.Count; i++)
            {
                var (id, _, at) = cases[i];
                var owner = others[i % others.Length];
                var mine = i % (totalCases / userCases) == 0 && i / (totalCases / userCases) < userCases;
                var members = new List<(Guid User, string Role)> { (owner, "Owner") };
                if (mine)
                {
                    // Owner, editor, contributor, viewer in turn; as owner the user is a co-owner beside the creator.
                    members.Add((user, Roles[mineSeen++ % Roles.Length]));
                }

                var extra = 1 + (i % 3);
                for (var k = 1; k <= extra; k++)
                {
                    var other = others[(i + (k * 37)) % others.Length];
                    if (members.All(m => m.User != other))
                    {
                        members.Add((other, Roles[k % Roles.Length]));
                    }
                }

                foreach (var (member, role) in members)
                {
                    await importer.StartRowAsync();
                    await importer.WriteAsync(id, NpgsqlDbType.Uuid);
                    await importer.WriteAsync(member, NpgsqlDbType.Uuid);
                    await importer.WriteAsync(role, NpgsqlDbType.Varchar);
                    await importer.WriteAsync(owner, NpgsqlDbType.Uuid);
                    await importer.WriteAsync(at, NpgsqlDbType.TimestampTz);
                    await importer.WriteAsync(at, NpgsqlDbType.TimestampTz);
                    rows++;
                }
            }

            await importer.CompleteAsync();
        }

        await ExecuteAsync(connection, "VACUUM ANALYZE cases.cases");
        await ExecuteAsync(connection, "VACUUM ANALYZE cases.participants");
        return (rows, await CountAsync(dataSource, user, string.Empty));
    }

    private static async Task GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        await response.Content.CopyToAsync(Stream.Null);
    }

    private static async Task<string> WalkToPageAsync(HttpClient http, int page)
    {
        var cursor = string.Empty;
        for (var i = 1; i < page; i++)
        {
            var body = await http.GetStringAsync("/api/v1/cases" + (cursor.Length == 0 ? string.Empty : "?cursor=" + Uri.EscapeDataString(cursor)));
            cursor = JsonDocument.Parse(body).RootElement.GetProperty("nextCursor").GetString()
                ?? throw new InvalidOperationException($"The list ended before page {page}.");
        }

        return cursor;
    }

    /// <summary>The sort keys of the last row before <paramref name="page"/>: what the API's cursor carries.</summary>
    private static async Task<(int, DateTimeOffset, Guid)> DeepKeysAsync(NpgsqlDataSource dataSource, Guid user, int page)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT pr.weight, c.updated_at, c.id {From} ORDER BY pr.weight DESC, c.updated_at DESC, c.id DESC OFFSET @skip LIMIT 1
            """);
        command.Parameters.AddWithValue("me", user);
        command.Parameters.AddWithValue("skip", ((page - 1) * DeepPage.PageSize) - 1);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetGuid(2));
    }

    /// <summary>What ListCases reads: the caller's participant rows, their cases, the priority weight to sort by.</summary>
    private const string From = """
        FROM cases.participants AS p
        INNER JOIN cases.cases AS c ON p.case_id = c.id
        INNER JOIN cases.priorities AS pr ON c.priority_code = pr.code
        WHERE p.user_id = @me AND NOT c.is_deleted
        """;

    private static string ListSql(string where, bool after) => $"""
        SELECT c.id, c.code, c.title, c.status_code, c.priority_code, pr.weight, p.role, c.created_at, c.updated_at, c.closed_at, c.is_deleted
        {From} {where} {(after ? "AND (pr.weight, c.updated_at, c.id) < (@w, @at, @id)" : string.Empty)}
        ORDER BY pr.weight DESC, c.updated_at DESC, c.id DESC
        LIMIT 21
        """;

    private static async Task ListSqlAsync(NpgsqlDataSource dataSource, Guid user, string where, (int Weight, DateTimeOffset At, Guid Id)? after, bool count)
    {
        await using (var command = dataSource.CreateCommand(ListSql(where, after is not null)))
        {
            command.Parameters.AddWithValue("me", user);
            if (after is { } a)
            {
                command.Parameters.AddWithValue("w", a.Weight);
                command.Parameters.AddWithValue("at", a.At);
                command.Parameters.AddWithValue("id", a.Id);
            }

            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        }

        if (count)
        {
            await CountAsync(dataSource, user, where);
        }
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, Guid user, string where)
    {
        await using var command = dataSource.CreateCommand($"SELECT count(*) {From} {where}");
        command.Parameters.AddWithValue("me", user);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> ExplainAsync(NpgsqlDataSource dataSource, Guid user, string where, (int Weight, DateTimeOffset At, Guid Id)? after)
    {
        await using var command = dataSource.CreateCommand("EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) " + ListSql(where, after is not null));
        command.Parameters.AddWithValue("me", user);
        if (after is { } a)
        {
            command.Parameters.AddWithValue("w", a.Weight);
            command.Parameters.AddWithValue("at", a.At);
            command.Parameters.AddWithValue("id", a.Id);
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
