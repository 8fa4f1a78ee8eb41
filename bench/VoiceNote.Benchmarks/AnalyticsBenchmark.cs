using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Npgsql;

namespace VoiceNote.Benchmarks;

/// <summary>
/// <c>build/bench.sh analytics</c> (issue 16): <c>GET /api/v1/admin/analytics</c> over a database of 1,000,000 notes
/// (and their users, sessions, tasks, recordings, transcriptions, analyses, jobs and exports, spread over a year),
/// through the API — which reads the modules' rolled-up daily counts (docs/decisions/0087) — against the same figures
/// counted naively over the base tables through Npgsql, in one run. The rows are generated in SQL
/// (<c>generate_series</c>) with the counting triggers on, so the rollups are the ones the application keeps.
/// </summary>
internal static class AnalyticsBenchmark
{
    /// <summary><c>build/bench.sh analytics [--notes N] [--users N] [--tasks N] [--recordings N] [--skip-seed] [--warmup N] [--samples N] [--concurrency N] [--throughput N]</c>.</summary>
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var notes = options.Number("notes", 1_000_000);
        var users = options.Number("users", 1_000);
        var tasks = options.Number("tasks", 300_000);
        var recordings = options.Number("recordings", 20_000);
        var warmup = options.Number("warmup", 3);
        var samples = options.Number("samples", 40);
        var concurrency = options.Number("concurrency", 4);
        var throughput = options.Number("throughput", 40);
        var report = new BenchReport(options.Output);

        var connection = await BenchDatabase.EnsureAsync(options.ConnectionString, options.Database);
        var workDir = Directory.CreateTempSubdirectory("voicenote-bench-analytics-").FullName;
        var startLoad = Machine.Describe();
        await using var api = await ApiProcess.StartAsync(options.WebApiDll, connection, options.Port, workDir, BenchDatabase.MasterKeyFile(options.Database),
            new Dictionary<string, string> { ["Jobs__Enabled"] = "false", ["Exports__SweepInterval"] = "7.00:00:00" });
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connection) { MaxPoolSize = 20, CommandTimeout = 0 }.ConnectionString);

        var seeding = Stopwatch.StartNew();
        var steps = new List<(string Step, double Seconds)>();
        if (!options.SkipSeed)
        {
            Console.Error.WriteLine("Seeding …");
            await SeedAsync(dataSource, notes, users, tasks, recordings, steps);
        }

        seeding.Stop();
        var (adminId, token) = await api.CreateUserAsync("analyst_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        await ExecuteAsync(dataSource, $"UPDATE identity.users SET is_admin = true, admin_permissions = ARRAY['can_view_analytics'] WHERE id = '{adminId}'");

        using var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ranges = new (string Name, DateOnly From, DateOnly To)[]
        {
            ("the last 30 days (the default)", today.AddDays(-29), today),
            ("a year (365 days)", today.AddDays(-364), today),
        };

        var counted = await ScalarAsync(dataSource, "SELECT count(*) FROM notes.notes");
        var counterRows = await ScalarAsync(dataSource,
            "SELECT (SELECT count(*) FROM identity.daily_counts) + (SELECT count(*) FROM notes.daily_counts) + (SELECT count(*) FROM audio.daily_counts) + (SELECT count(*) FROM exports.daily_counts)");

        report.Line($"## Analytics (issue 16) — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.Line(string.Empty);
        report.Line($"Machine: {startLoad}. Data: {counted:N0} notes ({notes:N0} generated, every 40th in the trash), {users:N0} users with a session each, "
            + $"{tasks:N0} tasks, {recordings:N0} recordings with a transcription and an analysis each, 2,050 audio jobs (5% failed), 3,000 exports and their jobs, "
            + $"spread over the last 365 days; generated with generate_series, the counting triggers on"
            + (options.SkipSeed ? " (an earlier run's data: --skip-seed)." : $", in {seeding.Elapsed.TotalSeconds:F0} s ({string.Join(", ", steps.Select(s => FormattableString.Invariant($"{s.Step} {s.Seconds:F0} s")))}), then VACUUM ANALYZE."));
        report.Line($"The rollups: {counterRows:N0} rows in the four modules' daily_counts tables.");
        report.Line(string.Empty);
        report.Line($"Latency: {samples} sequential calls after {warmup} warm-up calls; throughput: {throughput} calls over {concurrency} concurrent clients. "
            + "API = GET /api/v1/admin/analytics over HTTP on 127.0.0.1 (authentication, the pipeline, four modules' rollups and the jobs tables); "
            + "naive SQL = the same figures counted over the base tables (count(*), sums and GROUP BYs over notes, tasks, users, sessions, recordings, transcriptions, analyses, jobs and exports), one batch through Npgsql.");
        report.Line(string.Empty);

        var checks = new List<string>();
        foreach (var (name, from, to) in ranges)
        {
            var answered = JsonDocument.Parse(await GetAsync(http, Url(from, to))).RootElement;
            var naive = await NaiveAsync(dataSource, from, to);
            checks.Add(Check(name, answered, naive));
        }

        report.Line("| range | API p50 ms | API p95 ms | API req/s | naive SQL p50 ms | naive SQL p95 ms | naive SQL req/s | naive/API p50 | naive/API p95 |");
        report.Line("|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, from, to) in ranges)
        {
            Console.Error.WriteLine($"  {name}");
            var viaApi = await Measure.RunAsync(_ => GetAsync(http, Url(from, to)), warmup, samples, concurrency, throughput);
            var viaSql = await Measure.RunAsync(_ => NaiveAsync(dataSource, from, to), warmup, samples, concurrency, throughput);
            report.Line(FormattableString.Invariant(
                $"| {name} | {viaApi.P50Ms:F1} | {viaApi.P95Ms:F1} | {viaApi.RequestsPerSecond:F0} | {viaSql.P50Ms:F1} | {viaSql.P95Ms:F1} | {viaSql.RequestsPerSecond:F1} | {viaSql.P50Ms / viaApi.P50Ms:F1}× | {viaSql.P95Ms / viaApi.P95Ms:F1}× |"));
        }

        report.Line(string.Empty);
        report.Line("Figures compared (API against the naive counts, each range): " + string.Join("; ", checks) + ".");
        report.Line(string.Empty);
        report.Line($"Load average at the end: {Machine.LoadAverage()}.");
        await report.SaveAsync();
        Directory.Delete(workDir, recursive: true);
        return checks.All(c => c.EndsWith("all equal", StringComparison.Ordinal)) ? 0 : 1;
    }

    private static string Url(DateOnly from, DateOnly to) => FormattableString.Invariant($"/api/v1/admin/analytics?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");

    /// <summary>
    /// Replaces the generated rows. Notes, recordings, jobs and exports are emptied with their counters (TRUNCATE fires
    /// no trigger); the generated accounts are deleted (the triggers take them off), the API's own stay.
    /// </summary>
    private static async Task SeedAsync(NpgsqlDataSource dataSource, int notes, int users, int tasks, int recordings, List<(string, double)> steps)
    {
        async Task Step(string name, string sql)
        {
            Console.Error.WriteLine($"  {name}");
            var watch = Stopwatch.StartNew();
            await ExecuteAsync(dataSource, sql);
            steps.Add((name, watch.Elapsed.TotalSeconds));
        }

        await Step("empty", """
            DELETE FROM identity.users WHERE user_name LIKE 'bench\_%';
            TRUNCATE notes.notes CASCADE; TRUNCATE notes.daily_counts;
            TRUNCATE audio.audio_files CASCADE; TRUNCATE audio.jobs; TRUNCATE audio.daily_counts;
            TRUNCATE exports.exports; TRUNCATE exports.jobs; TRUNCATE exports.daily_counts;
            """);
        await Step("users and sessions", $$"""
            INSERT INTO identity.users (id, display_name, is_active, is_deleted, deleted_at, created_at, updated_at, is_admin, admin_permissions,
                user_name, normalized_user_name, email, normalized_email, email_confirmed, lockout_enabled, access_failed_count)
            SELECT md5('u' || i)::uuid, 'User ' || i, true, i % 50 = 0, CASE WHEN i % 50 = 0 THEN now() END,
                now() - (i % 365) * interval '1 day', now(), false, '{}',
                'bench_' || i, 'BENCH_' || i, 'bench' || i || '@bench.test', 'BENCH' || i || '@BENCH.TEST', true, true, 0
            FROM generate_series(1, {{users}}) i;
            INSERT INTO identity.sessions (id, user_id, scopes, created_at, last_used_at, expires_at)
            SELECT md5('s' || i)::uuid, md5('u' || i)::uuid, '{}', now() - interval '60 days', now() - (i % 60) * interval '1 day' - interval '1 hour', now() + interval '30 days'
            FROM generate_series(1, {{users}}) i;
            """);
        await Step("notes", $$"""
            INSERT INTO notes.notes (id, owner_id, recorded_at, priority, status, is_pinned, is_liked, is_archived, is_encrypted, is_deleted, deleted_at,
                document_urls, links, key_moments, moderation_status, created_at, updated_at, search_transcripts, content_hash)
            SELECT md5('n' || i)::uuid, md5('u' || (1 + i % {{users}}))::uuid, t, 1, 0, false, false, false, false, i % 40 = 0, CASE WHEN i % 40 = 0 THEN now() END,
                '{}', '{}', '[]', 0, t, t, '', 'bench'
            FROM generate_series(1, {{notes}}) i, LATERAL (SELECT now() - ((i::bigint * 7919) % 525600) * interval '1 minute' AS t) s;
            """);
        await Step("tasks", $$"""
            INSERT INTO notes.tasks (id, note_id, owner_id, description, is_done, priority, is_deleted, created_at, updated_at, reminder_count,
                notification_enabled, assigned_entities, image_urls, document_urls, external_links, is_action_approved, position)
            SELECT md5('t' || i)::uuid, md5('n' || n)::uuid, md5('u' || (1 + n % {{users}}))::uuid, 'Task ' || i, i % 3 = 0, 1, i % 30 = 0,
                now() - ((n::bigint * 7919) % 525600) * interval '1 minute', now(), 0, false, '[]', '{}', '{}', '{}', false, 0
            FROM generate_series(1, {{tasks}}) i, LATERAL (SELECT 1 + ((i::bigint * 3) % {{notes}}) AS n) s;
            """);
        await Step("recordings, transcriptions, analyses", $$"""
            INSERT INTO audio.audio_files (id, owner_id, format, codec, size_bytes, duration, sha256, storage_key, status, recorded_at, is_archived, created_at, updated_at)
            SELECT md5('a' || i)::uuid, md5('u' || (1 + i % {{users}}))::uuid, 'm4a', 'aac', 200000 + (i % 5000) * 1000, (30 + i % 1800) * interval '1 second',
                encode(sha256(('a' || i)::bytea), 'hex'), 'owners/bench/' || i || '.m4a', 2, t, i % 10 = 0, t, t
            FROM generate_series(1, {{recordings}}) i, LATERAL (SELECT now() - (i % 365) * interval '1 day' - interval '3 hours' AS t) s;
            INSERT INTO audio.transcripts (id, audio_id, owner_id, job_id, version, engine, language, text, words, duration, created_at)
            SELECT md5('tr' || i)::uuid, md5('a' || i)::uuid, md5('u' || (1 + i % {{users}}))::uuid, md5('j' || i)::uuid, 1,
                (ARRAY['pocketsphinx', 'deepgram:nova-2', 'openai:whisper-1', 'groq:whisper-large-v3'])[1 + i % 4], 'en', '', '[]',
                (30 + i % 1800) * interval '1 second', now() - (i % 365) * interval '1 day' - interval '2 hours'
            FROM generate_series(1, {{recordings}}) i;
            INSERT INTO audio.analyses (id, audio_id, owner_id, job_id, transcript_id, engine, language, result, created_at)
            SELECT md5('an' || i)::uuid, md5('a' || i)::uuid, md5('u' || (1 + i % {{users}}))::uuid, md5('j' || i)::uuid, md5('tr' || i)::uuid,
                CASE WHEN i % 3 = 0 THEN 'openai:gpt-4o-mini' ELSE 'local' END, 'en', '{}', now() - (i % 365) * interval '1 day' - interval '2 hours'
            FROM generate_series(1, {{recordings}}) i;
            """);
        await Step("jobs and exports", """
            INSERT INTO audio.jobs (id, kind, owner_id, payload, status, stage, progress, attempts, max_attempts, run_after, cancel_requested,
                created_at, updated_at, finished_at, error)
            SELECT md5('aj' || i)::uuid, 'audio.process', md5('u' || (1 + i % 1000))::uuid, '{}',
                CASE WHEN i > 2000 THEN 'Pending' WHEN i % 20 = 0 THEN 'Failed' ELSE 'Completed' END,
                CASE WHEN i > 2000 THEN NULL ELSE 'publish' END, 0, 1, 3, t, false, t, t, CASE WHEN i <= 2000 THEN t + interval '3 minutes' END,
                CASE WHEN i <= 2000 AND i % 20 = 0 THEN (ARRAY['The speech engine refused the key (401).', 'ffmpeg could not decode the file.', 'The engine timed out.'])[1 + i % 3] END
            FROM generate_series(1, 2050) i, LATERAL (SELECT now() - (i % 365) * interval '1 day' AS t) s;
            INSERT INTO exports.exports (id, owner_id, format, source, storage_key, size_bytes, created_at, completed_at, outcome, expires_at)
            SELECT md5('e' || i)::uuid, md5('u' || (1 + i % 1000))::uuid, (ARRAY['txt', 'pdf_summary', 'json', 'account'])[1 + i % 4], 'NOTE',
                'exports/bench/' || i, 10000 + i, t, t, 'completed', now() + interval '1 day'
            FROM generate_series(1, 3000) i, LATERAL (SELECT now() - (i % 30) * interval '1 day' AS t) s;
            INSERT INTO exports.jobs (id, kind, owner_id, payload, status, progress, attempts, max_attempts, run_after, cancel_requested, created_at, updated_at, finished_at, error)
            SELECT md5('e' || i)::uuid, 'exports.write', md5('u' || (1 + i % 1000))::uuid, '{}', CASE WHEN i % 50 = 0 THEN 'Failed' ELSE 'Completed' END, 100, 1, 3,
                t, false, t, t, t, CASE WHEN i % 50 = 0 THEN 'The note is gone.' END
            FROM generate_series(1, 3000) i, LATERAL (SELECT now() - (i % 30) * interval '1 day' AS t) s;
            """);
        await Step("VACUUM ANALYZE", "VACUUM ANALYZE identity.users, identity.sessions, notes.notes, notes.tasks, audio.audio_files, audio.transcripts, audio.analyses, audio.jobs, exports.exports, exports.jobs");
    }

    /// <summary>Every figure of the page counted over the base tables, as one would without the rollups; the results a few numbers each.</summary>
    private static async Task<Dictionary<string, long>> NaiveAsync(NpgsqlDataSource dataSource, DateOnly from, DateOnly to)
    {
        const string inRange = "(created_at AT TIME ZONE 'UTC')::date BETWEEN @from AND @to";
        string[] statements =
        [
            $"SELECT 'users', count(*) FILTER (WHERE NOT is_deleted) FROM identity.users",
            $"SELECT 'users.new', coalesce(sum(c), 0)::bigint FROM (SELECT (created_at AT TIME ZONE 'UTC')::date, count(*) AS c FROM identity.users WHERE {inRange} GROUP BY 1) d",
            "SELECT 'users.active1', count(DISTINCT user_id) FROM identity.sessions WHERE last_used_at >= now() - interval '1 day'",
            "SELECT 'users.active7', count(DISTINCT user_id) FROM identity.sessions WHERE last_used_at >= now() - interval '7 days'",
            "SELECT 'users.active30', count(DISTINCT user_id) FROM identity.sessions WHERE last_used_at >= now() - interval '30 days'",
            "SELECT 'notes', count(*) FILTER (WHERE NOT is_deleted) FROM notes.notes",
            "SELECT 'notes.trash', count(*) FILTER (WHERE is_deleted) FROM notes.notes",
            $"SELECT 'notes.created', coalesce(sum(c), 0)::bigint FROM (SELECT (created_at AT TIME ZONE 'UTC')::date, count(*) AS c FROM notes.notes WHERE {inRange} GROUP BY 1) d",
            "SELECT 'tasks', count(*) FILTER (WHERE NOT is_deleted) FROM notes.tasks",
            $"SELECT 'tasks.created', coalesce(sum(c), 0)::bigint FROM (SELECT (created_at AT TIME ZONE 'UTC')::date, count(*) AS c FROM notes.tasks WHERE {inRange} GROUP BY 1) d",
            "SELECT 'recordings', count(*) FROM audio.audio_files",
            $"SELECT 'uploaded.ms', coalesce(sum(ms), 0)::bigint FROM (SELECT (created_at AT TIME ZONE 'UTC')::date, sum(extract(epoch FROM duration) * 1000) AS ms FROM audio.audio_files WHERE {inRange} GROUP BY 1) d",
            "SELECT 'storage.audio', coalesce(sum(size_bytes), 0)::bigint FROM audio.audio_files",
            $"SELECT 'processed.ms', coalesce(sum(ms), 0)::bigint FROM (SELECT (created_at AT TIME ZONE 'UTC')::date, sum(extract(epoch FROM duration) * 1000) AS ms FROM audio.transcripts WHERE {inRange} GROUP BY 1) d",
            $"SELECT 'engines', coalesce(sum(c), 0)::bigint FROM (SELECT engine, count(*) AS c FROM audio.transcripts WHERE {inRange} GROUP BY 1 UNION ALL SELECT engine, count(*) FROM audio.analyses WHERE {inRange} GROUP BY 1) d",
            "SELECT 'jobs.current', coalesce(sum(c), 0)::bigint FROM (SELECT kind, status, stage, count(*) AS c FROM audio.jobs GROUP BY 1, 2, 3 UNION ALL SELECT kind, status, stage, count(*) FROM exports.jobs GROUP BY 1, 2, 3) d",
            "SELECT 'jobs.failed', count(*) FROM (SELECT status, finished_at FROM audio.jobs UNION ALL SELECT status, finished_at FROM exports.jobs) j WHERE status = 'Failed' AND (finished_at AT TIME ZONE 'UTC')::date BETWEEN @from AND @to",
            "SELECT 'jobs.reasons', count(*) FROM (SELECT error, count(*) FROM (SELECT status, error, finished_at FROM audio.jobs UNION ALL SELECT status, error, finished_at FROM exports.jobs) j WHERE status = 'Failed' AND (finished_at AT TIME ZONE 'UTC')::date BETWEEN @from AND @to GROUP BY 1 ORDER BY 2 DESC LIMIT 10) r",
            $"SELECT 'exports', coalesce(sum(c), 0)::bigint FROM (SELECT (created_at AT TIME ZONE 'UTC')::date, format, count(*) AS c FROM exports.exports WHERE {inRange} GROUP BY 1, 2) d",
            "SELECT 'storage.exports', coalesce(sum(size_bytes), 0)::bigint FROM exports.exports WHERE storage_key IS NOT NULL",
        ];
        await using var batch = dataSource.CreateBatch();
        foreach (var sql in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            batch.BatchCommands.Add(command);
        }

        var figures = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await batch.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                figures[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        while (await reader.NextResultAsync());

        return figures;
    }

    /// <summary>The API's figures against the naive counts; names those that differ.</summary>
    private static string Check(string range, JsonElement answered, Dictionary<string, long> naive)
    {
        long Of(string section, string name) => answered.GetProperty(section).GetProperty(name).GetInt64();
        long Hours(string name) => (long)Math.Round(answered.GetProperty("audio").GetProperty(name).GetDouble() * 3_600_000d);
        var storage = answered.GetProperty("storage").EnumerateArray().ToDictionary(s => s.GetProperty("area").GetString()!, s => s.GetProperty("bytes").GetInt64());
        var pairs = new (string Name, long Api, long Naive)[]
        {
            ("users", Of("users", "total"), naive["users"]),
            ("new users", Of("users", "newInRange"), naive["users.new"]),
            ("active 1 day", Of("users", "activeLastDay"), naive["users.active1"]),
            ("active 7 days", Of("users", "activeLast7Days"), naive["users.active7"]),
            ("active 30 days", Of("users", "activeLast30Days"), naive["users.active30"]),
            ("notes", Of("notes", "total"), naive["notes"]),
            ("notes in the trash", Of("notes", "inTrash"), naive["notes.trash"]),
            ("notes created", Of("notes", "createdInRange"), naive["notes.created"]),
            ("tasks", Of("tasks", "total"), naive["tasks"]),
            ("tasks created", Of("tasks", "createdInRange"), naive["tasks.created"]),
            ("recordings", Of("audio", "recordings"), naive["recordings"]),
            ("uploaded ms", Hours("uploadedHoursInRange"), naive["uploaded.ms"]),
            ("processed ms", Hours("processedHoursInRange"), naive["processed.ms"]),
            ("engine uses", answered.GetProperty("engines").EnumerateArray().Sum(e => e.GetProperty("uses").GetInt64()), naive["engines"]),
            ("jobs now", answered.GetProperty("jobs").GetProperty("current").EnumerateArray().Sum(j => j.GetProperty("count").GetInt64()), naive["jobs.current"]),
            ("jobs failed", Of("jobs", "failed"), naive["jobs.failed"]),
            ("failure reasons", answered.GetProperty("jobs").GetProperty("topFailureReasons").GetArrayLength(), naive["jobs.reasons"]),
            ("exports", Of("exports", "requestedInRange"), naive["exports"]),
            ("audio bytes", storage["originals"] + storage["archive"], naive["storage.audio"]),
            ("export bytes", storage["exports"], naive["storage.exports"]),
        };
        var differ = pairs.Where(p => p.Api != p.Naive).Select(p => $"{p.Name} {p.Api} ≠ {p.Naive}").ToList();
        return differ.Count == 0
            ? FormattableString.Invariant($"{range}: {pairs.Length} figures ({pairs.Single(p => p.Name == "notes").Api:N0} notes, {pairs.Single(p => p.Name == "notes created").Api:N0} created in the range) all equal")
            : $"{range}: {string.Join(", ", differ)}";
    }

    private static async Task<string> GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {body}");
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
