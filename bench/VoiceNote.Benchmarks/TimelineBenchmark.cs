using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using VoiceNote.Application.Paging;

namespace VoiceNote.Benchmarks;

/// <summary>
/// <c>build/bench.sh timeline</c> (issue 14): a case timeline of 10,000 entries among 200,000 in the activity log,
/// its first page and a deep keyset page through the API against the same SQL alone through Npgsql, in one run, with
/// the plan PostgreSQL picks. One Release API (job workers off); one owner with one case made through the API; the
/// log is then filled with COPY BINARY: the case's entries spread over 300 days among other cases' and sign-ins.
/// </summary>
internal static class TimelineBenchmark
{
    private const int PageSize = 20;

    private static readonly string[] CaseTypes = ["PARTICIPANT_ADDED", "PARTICIPANT_ROLE_CHANGED", "CASE_CLOSED", "CASE_REOPENED", "AUDIO_UPLOADED", "PARTICIPANT_REMOVED"];

    /// <summary><c>build/bench.sh timeline [--entries N] [--case-entries N] [--cases N] [--deep-page N] [--warmup N] [--samples N] [--concurrency N] [--throughput N]</c>.</summary>
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var total = options.Number("entries", 200_000);
        var caseEntries = options.Number("case-entries", 10_000);
        var otherCases = options.Number("cases", 2_000);
        var deepPage = options.Number("deep-page", Math.Max(2, (caseEntries / PageSize) - 20));
        if (caseEntries > total || deepPage < 2 || deepPage > caseEntries / PageSize)
        {
            Console.Error.WriteLine($"--case-entries {caseEntries} must be at most --entries {total}, and --deep-page {deepPage} between 2 and {caseEntries / PageSize} (full pages of {PageSize}).");
            return 2;
        }

        var report = new BenchReport(options.Output);
        var connection = await BenchDatabase.EnsureAsync(options.ConnectionString, options.Database);
        var workDir = Directory.CreateTempSubdirectory("voicenote-bench-timeline-").FullName;
        var startLoad = Machine.Describe();
        var settings = new Dictionary<string, string> { ["Jobs__Enabled"] = "false", ["Activity__PruneEnabled"] = "false" };
        await using var api = await ApiProcess.StartAsync(options.WebApiDll, connection, options.Port, workDir, BenchDatabase.MasterKeyFile(options.Database), settings);

        var suffix = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var (ownerId, token) = await api.CreateUserAsync($"timeline{suffix}");
        using var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var created = await http.PostAsJsonAsync("/api/v1/cases", new { title = "Benchmark matter" });
        created.EnsureSuccessStatusCode();
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await WaitForEntryAsync(http, caseId);

        await using var dataSource = NpgsqlDataSource.Create(connection);
        var seeding = Stopwatch.StartNew();
        await SeedAsync(dataSource, caseId, ownerId, total, caseEntries, otherCases);
        var seeded = seeding.Elapsed;
        Console.Error.WriteLine($"Seeded {total:N0} entries in {seeded.TotalSeconds:F1} s");

        var deep = await KeysAtAsync(dataSource, caseId, ((deepPage - 1) * PageSize) - 1);
        var deepCursor = new TimePosition(deep.At, deep.Id).Encode();
        var firstPlan = await PlanAsync(dataSource, caseId, null);
        var deepPlan = await PlanAsync(dataSource, caseId, deep);
        var countPlan = await PlanAsync(dataSource, caseId, null, count: true);
        var usesIndex = new[] { firstPlan, deepPlan, countPlan }.All(p => p.Contains("ix_entries_case", StringComparison.Ordinal));

        report.Line($"## Case timeline (issue 14): {caseEntries:N0} entries of one case among {total:N0} — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.Line(string.Empty);
        report.Line($"Machine: {startLoad}. The Release API on {api.BaseUrl} (job workers and the activity prune off). `activity.entries` seeded with COPY BINARY in "
            + $"{seeded.TotalSeconds:F1} s (then VACUUM ANALYZE): {caseEntries:N0} entries of the measured case, the rest over {otherCases:N0} other cases (one in ten "
            + "without a case: sign-ins), times spread evenly over 300 days so the case's rows lie scattered among the others'. "
            + $"Latency: {options.Samples} sequential calls after {options.Warmup} warm-up calls; throughput: {options.ThroughputCalls} calls over {options.Concurrency} clients. "
            + "API = GET /api/v1/cases/{id}/timeline over HTTP on 127.0.0.1 (authentication, validation, the case access check, the Activity contract through EF, "
            + $"display names through Identity's contract); SQL = the timeline statements alone through Npgsql (the page of {PageSize} + 1 rows; on the first page also the count).");
        report.Line(string.Empty);
        report.Line("| scenario | API p50 ms | API p95 ms | API req/s | SQL p50 ms | SQL p95 ms | SQL req/s | API/SQL p50 |");
        report.Line("|---|---|---|---|---|---|---|---|");

        var scenarios = new (string Name, Func<int, Task> Api, Func<int, Task> Sql)[]
        {
            ($"first page ({PageSize}, with total)", _ => GetAsync(http, $"/api/v1/cases/{caseId}/timeline"), _ => PageSqlAsync(dataSource, caseId, null, count: true)),
            ($"page {deepPage} (keyset cursor)", _ => GetAsync(http, $"/api/v1/cases/{caseId}/timeline?cursor={Uri.EscapeDataString(deepCursor)}"), _ => PageSqlAsync(dataSource, caseId, deep, count: false)),
        };
        foreach (var (name, apiCall, sqlCall) in scenarios)
        {
            Console.Error.WriteLine($"  {name}");
            var viaApi = await Measure.RunAsync(apiCall, options.Warmup, options.Samples, options.Concurrency, options.ThroughputCalls);
            var viaSql = await Measure.RunAsync(sqlCall, options.Warmup, options.Samples, options.Concurrency, options.ThroughputCalls);
            report.Line(FormattableString.Invariant(
                $"| {name} | {viaApi.P50Ms:F2} | {viaApi.P95Ms:F2} | {viaApi.RequestsPerSecond:F0} | {viaSql.P50Ms:F2} | {viaSql.P95Ms:F2} | {viaSql.RequestsPerSecond:F0} | {viaApi.P50Ms / viaSql.P50Ms:F2} |"));
        }

        report.Line(string.Empty);
        report.Line($"Plans (EXPLAIN, costs off): first page `{firstPlan}`; page {deepPage} `{deepPlan}`; count `{countPlan}`.");
        report.Line(string.Empty);
        report.Line($"Load average at the end: {Machine.LoadAverage()}.");
        await report.SaveAsync();
        Directory.Delete(workDir, recursive: true);
        if (!usesIndex)
        {
            Console.Error.WriteLine("A timeline statement does not use ix_entries_case.");
            return 1;
        }

        return 0;
    }

    /// <summary>The case's own CASE_CREATED arrives through the outbox; it is replaced by the seeded rows, so wait for it first.</summary>
    private static async Task WaitForEntryAsync(HttpClient http, Guid caseId)
    {
        for (var i = 0; i < 200; i++)
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/timeline");
            if (page.GetProperty("items").GetArrayLength() > 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The case's CASE_CREATED entry never arrived.");
    }

    private static async Task SeedAsync(NpgsqlDataSource dataSource, Guid caseId, Guid ownerId, int total, int caseEntries, int otherCases)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        // TRUNCATE is not guarded by the append-only trigger (an operator's reset; ADR 0078).
        await new NpgsqlCommand("TRUNCATE activity.entries", connection).ExecuteNonQueryAsync();
        var random = new Random(14);
        var cases = Enumerable.Range(0, otherCases).Select(_ => Guid.CreateVersion7()).ToArray();
        var people = Enumerable.Range(0, 500).Select(_ => Guid.CreateVersion7()).ToArray();
        var colleagues = new[] { ownerId }.Concat(people.Take(4)).ToArray();
        var start = DateTimeOffset.UtcNow.AddDays(-300);
        var step = TimeSpan.FromDays(300).Ticks / total;
        var caseEvery = total / (double)caseEntries;
        var written = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY activity.entries (id, type_code, user_id, client_id, item_type, item_id, case_id, subject_user_id, details, ip_address, user_agent, occurred_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < total; i++)
            {
                var at = start.AddTicks(step * i);
                var ours = written < caseEntries && i >= (int)(written * caseEvery);
                Guid? inCase = ours ? caseId : i % 10 == 0 ? null : cases[random.Next(cases.Length)];
                written += ours ? 1 : 0;
                var actor = ours ? colleagues[i % colleagues.Length] : people[random.Next(people.Length)];
                var type = inCase is null ? "SIGN_IN" : CaseTypes[i % CaseTypes.Length];
                await importer.StartRowAsync();
                await importer.WriteAsync(Guid.CreateVersion7(at), NpgsqlDbType.Uuid);
                await importer.WriteAsync(type, NpgsqlDbType.Varchar);
                await importer.WriteAsync(actor, NpgsqlDbType.Uuid);
                await importer.WriteAsync("voicenote-app", NpgsqlDbType.Varchar);
                await importer.WriteAsync(inCase is null ? "USER" : "CASE", NpgsqlDbType.Varchar);
                await importer.WriteAsync(inCase ?? actor, NpgsqlDbType.Uuid);
                await WriteNullableAsync(importer, inCase);
                await WriteNullableAsync(importer, inCase is null ? null : people[random.Next(people.Length)]);
                await importer.WriteAsync(inCase is null ? "{}" : """{"role":"VIEWER","previousRole":null}""", NpgsqlDbType.Jsonb);
                await importer.WriteAsync($"198.51.100.{i % 250}", NpgsqlDbType.Varchar);
                await importer.WriteAsync("VoiceNote/2.3 (Android 14)", NpgsqlDbType.Varchar);
                await importer.WriteAsync(at, NpgsqlDbType.TimestampTz);
            }

            await importer.CompleteAsync();
        }

        if (written != caseEntries)
        {
            throw new InvalidOperationException($"Seeded {written} entries of the case, not {caseEntries}.");
        }

        await new NpgsqlCommand("VACUUM ANALYZE activity.entries", connection).ExecuteNonQueryAsync();
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, Guid? value) =>
        value is { } id ? importer.WriteAsync(id, NpgsqlDbType.Uuid) : importer.WriteNullAsync();

    private static async Task<(DateTimeOffset At, Guid Id)> KeysAtAsync(NpgsqlDataSource dataSource, Guid caseId, int offset)
    {
        await using var command = dataSource.CreateCommand("SELECT occurred_at, id FROM activity.entries WHERE case_id = @c ORDER BY occurred_at DESC, id DESC OFFSET @skip LIMIT 1");
        command.Parameters.AddWithValue("c", caseId);
        command.Parameters.AddWithValue("skip", offset);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetGuid(1));
    }

    // The statements the Activity module's EF queries send for a timeline page (same filter, keyset, order, columns) and its count.
    private static string PageSql((DateTimeOffset At, Guid Id)? after) => $"""
        SELECT e.id, e.case_id, e.client_id, e.details, e.ip_address, e.item_id, e.item_type, e.occurred_at, e.subject_user_id, e.type_code, e.user_agent, e.user_id
        FROM activity.entries AS e
        WHERE e.case_id = @c {(after is null ? string.Empty : "AND (e.occurred_at, e.id) < (@at, @id)")}
        ORDER BY e.occurred_at DESC, e.id DESC
        LIMIT {PageSize + 1}
        """;

    private const string CountSql = "SELECT count(*)::bigint FROM activity.entries AS e WHERE e.case_id = @c";

    private static async Task PageSqlAsync(NpgsqlDataSource dataSource, Guid caseId, (DateTimeOffset At, Guid Id)? after, bool count)
    {
        await using (var command = dataSource.CreateCommand(PageSql(after)))
        {
            Bind(command, caseId, after);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
            }

            if (rows != PageSize + 1)
            {
                throw new InvalidOperationException($"The timeline page read {rows} rows.");
            }
        }

        if (count)
        {
            await using var counting = dataSource.CreateCommand(CountSql);
            Bind(counting, caseId, null);
            await counting.ExecuteScalarAsync();
        }
    }

    private static void Bind(NpgsqlCommand command, Guid caseId, (DateTimeOffset At, Guid Id)? after)
    {
        command.Parameters.AddWithValue("c", caseId);
        if (after is { } a)
        {
            command.Parameters.AddWithValue("at", a.At);
            command.Parameters.AddWithValue("id", a.Id);
        }
    }

    private static async Task<string> PlanAsync(NpgsqlDataSource dataSource, Guid caseId, (DateTimeOffset At, Guid Id)? after, bool count = false)
    {
        await using var command = dataSource.CreateCommand("EXPLAIN (COSTS OFF) " + (count ? CountSql : PageSql(after)));
        Bind(command, caseId, after);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0).Trim().TrimStart('-', '>', ' '));
        }

        return string.Join(" → ", lines);
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
}
