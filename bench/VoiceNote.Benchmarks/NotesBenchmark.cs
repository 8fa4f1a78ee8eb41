using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Pgvector;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Notes.Application.Search;
using VoiceNote.Modules.Notes.Application.Search.SearchNotes;
using VoiceNote.Modules.Notes.Infrastructure.Search;

namespace VoiceNote.Benchmarks;

/// <summary>
/// The Notes benchmark (docs/benchmarks.md, docs/decisions/0027): seeds notes with COPY BINARY, builds
/// the indexes, checks recall@10 of the HNSW path against exact search, then measures the API on
/// 127.0.0.1 against the same SQL run directly through Npgsql, in the same run.
/// </summary>
internal static class NotesBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var output = new BenchReport(options.Output);
        void Report(string line) => output.Line(line);

        // Refused before anything is dropped or seeded, not after minutes of seeding.
        if (!options.SkipSeed && DeepPage.Choose(options.DeepPage, DeepPage.ListedAfterSeeding(options.UserNotes, options.TotalNotes)).Error is { } tooDeep)
        {
            Console.Error.WriteLine(tooDeep);
            return 2;
        }

        var admin = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        var benchConnection = new NpgsqlConnectionStringBuilder(options.ConnectionString) { Database = options.Database, MaxPoolSize = 40, CommandTimeout = 0 }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", options.Database);
            var present = (long)(await exists.ExecuteScalarAsync())! > 0;
            if (present && !options.SkipSeed)
            {
                await new NpgsqlCommand($"DROP DATABASE {options.Database} WITH (FORCE)", connection).ExecuteNonQueryAsync();
            }

            if (!present || !options.SkipSeed)
            {
                await new NpgsqlCommand($"CREATE DATABASE {options.Database}", connection).ExecuteNonQueryAsync();
            }
        }

        var workDir = Directory.CreateTempSubdirectory("voicenote-bench-").FullName;
        Console.Error.WriteLine($"Starting the API ({options.WebApiDll}) on 127.0.0.1:{options.Port} …");
        var masterKeyFile = Path.Combine(Path.GetTempPath(), "voicenote-bench", options.Database, "master.key");
        await using var api = await ApiProcess.StartAsync(options.WebApiDll, benchConnection, options.Port, workDir, masterKeyFile);
        var (userId, token) = await api.CreateUserAsync("bench_" + DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture));

        Report($"## Notes benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Report(string.Empty);
        Report($"Machine: {Environment.ProcessorCount} cores, load average {Machine.LoadAverage()} at start (shared with other work). " +
            $"Data: {options.TotalNotes:N0} notes, one user with {options.UserNotes:N0}, the rest over {options.OtherUsers:N0} users; " +
            $"one passage a note with stand-in vectors (SyntheticVectors, {SyntheticVectors.Size} dimensions, stored as `{SyntheticVectors.Model}`): speed and index recall, not quality.");
        Report(string.Empty);

        if (!options.SkipSeed)
        {
            Console.Error.WriteLine("Seeding …");
            var timings = await new Seeder(benchConnection, Console.Error).SeedAsync(userId, options.UserNotes, options.Number("small-user-notes", 50), options.OtherUsers, options.TotalNotes, options.MaintenanceWorkMem, options.Workers);
            Report("| seeding step | time |");
            Report("|---|---|");
            foreach (var (step, time) in timings)
            {
                Report($"| {step} | {time.TotalSeconds:F1} s |");
            }

            Report(string.Empty);
        }
        else
        {
            // Reuse the seeded data: the biggest owner's notes become the new account's.
            await using var connection = new NpgsqlConnection(benchConnection);
            await connection.OpenAsync();
            // The passages carry their note's owner too (the search filters on it).
            await using var move = new NpgsqlCommand(
                """
                WITH biggest AS (SELECT owner_id FROM notes.notes GROUP BY owner_id ORDER BY count(*) DESC LIMIT 1),
                     passages AS (UPDATE notes.note_passages SET owner_id = @user WHERE owner_id = (SELECT owner_id FROM biggest))
                UPDATE notes.notes SET owner_id = @user WHERE owner_id = (SELECT owner_id FROM biggest)
                """, connection);
            move.Parameters.AddWithValue("user", userId);
            await move.ExecuteNonQueryAsync();
            // VACUUM, not only ANALYZE: the move leaves thousands of dead rows, and autovacuum cleaning them
            // up during the first scenario made its figures depend on timing.
            await new NpgsqlCommand("VACUUM ANALYZE notes.notes", connection).ExecuteNonQueryAsync();
            await new NpgsqlCommand("VACUUM ANALYZE notes.note_passages", connection).ExecuteNonQueryAsync();
        }

        // The data decides (with --skip-seed it is the last run's): the default follows its size.
        var (deepPage, deepPageError) = DeepPage.Choose(
            options.DeepPage, await ScalarAsync<long>("SELECT count(*) FROM notes.notes WHERE owner_id = @u AND NOT is_deleted AND NOT is_archived", userId));
        if (deepPageError is not null)
        {
            Console.Error.WriteLine(deepPageError);
            Directory.Delete(workDir, recursive: true);
            return 2;
        }

        var sourceBuilder = new NpgsqlDataSourceBuilder(benchConnection);
        sourceBuilder.UseVector();
        await using var dataSource = sourceBuilder.Build();
        var generator = new SyntheticGenerator();
        var searchOptions = new NotesSearchOptions();
        var owner = new UserId(userId);
        var smallOwner = await ScalarAsync<Guid>("SELECT owner_id FROM notes.notes WHERE owner_id <> @u GROUP BY owner_id ORDER BY count(*) LIMIT 1", userId);

        Console.Error.WriteLine("Recall …");
        var queryGenerator = new NoteTextGenerator(seed: 7);
        var recallQueries = Enumerable.Range(0, options.RecallQueries).Select(_ => queryGenerator.Query()).ToList();
        var (bigRecall, bigCount) = await RecallAsync(owner, recallQueries, forceIndex: true);
        var (bigPlannerRecall, bigPlannerCount) = await RecallAsync(owner, recallQueries, forceIndex: false);
        var smallQueries = recallQueries.Take(30).ToList();
        var (smallRecall, smallCount) = await RecallAsync(new UserId(smallOwner), smallQueries, forceIndex: true);
        var (smallPlannerRecall, smallPlannerCount) = await RecallAsync(new UserId(smallOwner), smallQueries, forceIndex: false);
        var smallNotes = await ScalarAsync<long>("SELECT count(*) FROM notes.notes WHERE owner_id = @u", smallOwner);
        Report("| recall@10 against exact search (iterative scan, ef_search 100) | queries | recall (ids) | recall (no farther than the exact 10th) | mean results |");
        Report("|---|---|---|---|---|");
        Report($"| user with {options.UserNotes:N0} notes, HNSW index forced | {recallQueries.Count} | {bigRecall.Recall:F3} | {bigRecall.ByDistance:F3} | {bigCount:F1} |");
        Report($"| user with {options.UserNotes:N0} notes, the planner's choice (what the API runs) | {recallQueries.Count} | {bigPlannerRecall.Recall:F3} | {bigPlannerRecall.ByDistance:F3} | {bigPlannerCount:F1} |");
        Report($"| user with the fewest notes ({smallNotes}), HNSW index forced | {smallQueries.Count} | {smallRecall.Recall:F3} | {smallRecall.ByDistance:F3} | {smallCount:F1} |");
        Report($"| user with the fewest notes ({smallNotes}), the planner's choice (what the API runs) | {smallQueries.Count} | {smallPlannerRecall.Recall:F3} | {smallPlannerRecall.ByDistance:F3} | {smallPlannerCount:F1} |");
        Report(string.Empty);
        Report($"Plan the planner picks for the big user's semantic query: `{await PlanAsync(owner, recallQueries[0])}`; for the smallest user: `{await PlanAsync(new UserId(smallOwner), recallQueries[0])}`.");
        Report(string.Empty);

        Console.Error.WriteLine("Latency …");
        var queries = Enumerable.Range(0, 50).Select(_ => queryGenerator.Query()).ToList();
        using var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var deepCursor = await WalkToPageAsync(deepPage);
        var deep = await DeepCursorKeysAsync(deepPage);

        var scenarios = new (string Name, Func<int, Task> Api, Func<int, Task> Sql)[]
        {
            ("list, first page (20, with total)", _ => GetAsync("/api/v1/notes"), _ => ListSqlAsync(null)),
            ($"list, page {deepPage} (keyset cursor)", _ => GetAsync("/api/v1/notes?cursor=" + Uri.EscapeDataString(deepCursor)), _ => ListSqlAsync(deep)),
            ("full-text search", i => GetAsync($"/api/v1/notes/search?mode=text&q={Uri.EscapeDataString(queries[i % queries.Count])}"), i => SearchSqlAsync(SearchMode.Text, queries[i % queries.Count])),
            ("semantic search", i => GetAsync($"/api/v1/notes/search?mode=semantic&q={Uri.EscapeDataString(queries[i % queries.Count])}"), i => SearchSqlAsync(SearchMode.Semantic, queries[i % queries.Count])),
            ("hybrid search", i => GetAsync($"/api/v1/notes/search?q={Uri.EscapeDataString(queries[i % queries.Count])}"), i => SearchSqlAsync(SearchMode.Hybrid, queries[i % queries.Count])),
        };

        Report($"Latency: {options.Samples} sequential calls after {options.Warmup} warm-up calls; throughput: {options.ThroughputCalls} calls over {options.Concurrency} concurrent clients. " +
            "API = HTTP on 127.0.0.1 through authentication, the pipeline and EF/Npgsql; SQL = the same statements without HTTP, authentication and the pipeline (lists straight through Npgsql, search through the API's own search code).");
        Report(string.Empty);
        Report("| scenario | API p50 ms | API p95 ms | API req/s | SQL p50 ms | SQL p95 ms | SQL req/s | API/SQL p50 |");
        Report("|---|---|---|---|---|---|---|---|");
        MemoryReading? beforeModel = null;
        foreach (var (name, apiCall, sqlCall) in scenarios)
        {
            Console.Error.WriteLine($"  {name}");
            // The API loads the sentence model on its first query embedding: the last reading before that.
            beforeModel ??= name == "semantic search" ? MemoryReading.Of(api.Id) : null;
            var viaApi = await Measure.RunAsync(apiCall, options.Warmup, options.Samples, options.Concurrency, options.ThroughputCalls);
            var viaSql = await Measure.RunAsync(sqlCall, options.Warmup, options.Samples, options.Concurrency, options.ThroughputCalls);
            Report(FormattableString.Invariant(
                $"| {name} | {viaApi.P50Ms:F1} | {viaApi.P95Ms:F1} | {viaApi.RequestsPerSecond:F0} | {viaSql.P50Ms:F1} | {viaSql.P95Ms:F1} | {viaSql.RequestsPerSecond:F0} | {viaApi.P50Ms / viaSql.P50Ms:F2} |"));
        }

        Report(string.Empty);
        var withModel = MemoryReading.Of(api.Id);
        Report("API memory (VmRSS of the API process, MiB): before its first semantic search (after the list and full-text scenarios), " +
            "and after the semantic and hybrid scenarios (the sentence model loaded); peak = VmHWM since start.");
        Report(string.Empty);
        Report("| API RSS before the model | API RSS with the model | difference | peak |");
        Report("|---|---|---|---|");
        Report(FormattableString.Invariant($"| {beforeModel!.Value.RssMiB:F0} | {withModel.RssMiB:F0} | {withModel.RssMiB - beforeModel.Value.RssMiB:+0;-0} | {withModel.PeakRssMiB:F0} |"));
        Report(string.Empty);
        Console.Error.WriteLine("Embedding throughput …");
        foreach (var line in await EmbeddingThroughput.RunAsync(options.Number("embed-notes", 500)))
        {
            Report(line);
        }

        Report(string.Empty);
        Report($"Load average at the end: {Machine.LoadAverage()}.");
        await output.SaveAsync();

        Directory.Delete(workDir, recursive: true);
        return 0;

        async Task GetAsync(string url)
        {
            using var response = await http.GetAsync(url);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            await response.Content.CopyToAsync(Stream.Null);
        }

        async Task<string> WalkToPageAsync(int page)
        {
            var cursor = string.Empty;
            for (var i = 1; i < page; i++)
            {
                var body = await http.GetStringAsync("/api/v1/notes" + (cursor.Length == 0 ? string.Empty : "?cursor=" + Uri.EscapeDataString(cursor)));
                cursor = JsonDocument.Parse(body).RootElement.GetProperty("nextCursor").GetString()
                    ?? throw new InvalidOperationException($"The list ended before page {page}.");
            }

            return cursor;
        }

        async Task<(DateTimeOffset At, Guid Id)> DeepCursorKeysAsync(int page)
        {
            await using var command = dataSource.CreateCommand(
                "SELECT recorded_at, id FROM notes.notes WHERE owner_id = @u AND NOT is_deleted AND NOT is_archived ORDER BY recorded_at DESC, id DESC OFFSET @skip LIMIT 1");
            command.Parameters.AddWithValue("u", userId);
            command.Parameters.AddWithValue("skip", ((page - 1) * DeepPage.PageSize) - 1);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetGuid(1));
        }

        // The statement EF sends for GET /api/v1/notes (same filter, order, keyset and projection), and the count of the first page.
        async Task ListSqlAsync((DateTimeOffset At, Guid Id)? after)
        {
            var keyset = after is null ? string.Empty : "AND (n.recorded_at, n.id) < (@at, @id)";
            await using var command = dataSource.CreateCommand($"""
                SELECT n.id, n.title, substring(n.summary, 1, 280), n.priority, n.status, n.is_pinned, n.is_liked, n.is_archived, n.is_encrypted,
                       n.is_deleted, n.deleted_at, n.recorded_at, n.created_at, n.updated_at, n.duration_seconds, n.audio_id,
                       (SELECT count(*)::int FROM notes.tasks t WHERE t.owner_id = @u AND n.id = t.note_id AND NOT t.is_done AND NOT t.is_deleted)
                FROM notes.notes n
                WHERE n.owner_id = @u AND NOT n.is_deleted AND NOT n.is_archived {keyset}
                ORDER BY n.recorded_at DESC, n.id DESC
                LIMIT 21
                """);
            command.Parameters.AddWithValue("u", userId);
            if (after is { } a)
            {
                command.Parameters.AddWithValue("at", a.At);
                command.Parameters.AddWithValue("id", a.Id);
            }

            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                }
            }

            if (after is null)
            {
                await using var count = dataSource.CreateCommand("SELECT count(*) FROM notes.notes n WHERE n.owner_id = @u AND NOT n.is_deleted AND NOT n.is_archived");
                count.Parameters.AddWithValue("u", userId);
                await count.ExecuteScalarAsync();
            }
        }

        // The search code the API runs (NoteSearch → NoteSearchStore → Npgsql, and EF for the nearest
        // neighbours), without HTTP, authentication and the pipeline; a context per call, as the API's scope.
        async Task SearchSqlAsync(SearchMode mode, string query)
        {
            var store = new NoteSearchStore(dataSource);
            var result = await NoteSearch.RunAsync(
                new NoteSearch.Request(owner, query, mode, SearchNotes.DefaultLimit, IncludeDeleted: false),
                store, new NotePassageStore(dataSource), generator, (q, _) => Task.FromResult<Result<float[]>>(SyntheticVectors.Of(q)), searchOptions, CancellationToken.None);
            if (result.IsFailure)
            {
                throw new InvalidOperationException(result.Error.Message);
            }
        }

        // Recall by ids, and by distance: an approximate result counts when it is no farther than the exact
        // tenth, so notes at the same distance (ties are common with the stand-in vectors: every note sharing
        // no word with the query is at distance 1) are not misses because the two sides break the tie differently.
        async Task<((double Recall, double ByDistance), double MeanResults)> RecallAsync(UserId who, List<string> texts, bool forceIndex)
        {
            double byId = 0, byDistance = 0, results = 0;
            foreach (var text in texts)
            {
                var vector = SyntheticVectors.Of(text);
                var approximate = await new NotePassageStore(dataSource).NearestAsync(
                    who, vector, generator.Model, generator.Dimensions, 10, 2, searchOptions.EfSearch, false, CancellationToken.None, forceIndex);
                var exact = await ExactAsync(who, vector);
                var ids = approximate.Select(h => h.NoteId).ToHashSet();
                byId += exact.Count == 0 ? 1 : exact.Count(e => ids.Contains(e.Id)) / (double)exact.Count;
                byDistance += exact.Count == 0 ? 1 : Math.Min(exact.Count, approximate.Count(h => h.Distance <= exact[^1].Distance + 1e-9)) / (double)exact.Count;
                results += approximate.Count;
            }

            return ((byId / texts.Count, byDistance / texts.Count), results / texts.Count);
        }

        async Task<List<(Guid Id, double Distance)>> ExactAsync(UserId who, float[] vector)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            // No index scans: the planner must compute every distance of the user's notes and sort them.
            await new NpgsqlCommand("SET LOCAL enable_indexscan = off", connection, transaction).ExecuteNonQueryAsync();
            // Deleted notes left out, as the search leaves them out: otherwise every deleted note among the
            // exact ten counts as a miss of the index.
            await using var command = new NpgsqlCommand(
                """
                SELECT p.note_id, p.embedding <=> @v FROM notes.note_passages p JOIN notes.notes n ON n.id = p.note_id
                WHERE p.owner_id = @u AND p.model = @m AND NOT n.is_deleted
                ORDER BY p.embedding <=> @v, p.note_id LIMIT 10
                """, connection, transaction);
            command.Parameters.AddWithValue("u", who.Value);
            command.Parameters.AddWithValue("m", generator.Model);
            command.Parameters.AddWithValue("v", new Vector(vector));
            var hits = new List<(Guid, double)>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                hits.Add((reader.GetGuid(0), reader.GetDouble(1)));
            }

            return hits;
        }

        async Task<string> PlanAsync(UserId who, string text)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await new NpgsqlCommand("SET LOCAL hnsw.iterative_scan = relaxed_order; SET LOCAL hnsw.ef_search = 100", connection, transaction).ExecuteNonQueryAsync();
            await using var command = new NpgsqlCommand(
                "EXPLAIN (COSTS OFF) " + NotePassageStore.NearestSql(byOwner: true, generator.Model, generator.Dimensions, includeDeleted: false), connection, transaction);
            command.Parameters.AddWithValue("owner", who.Value);
            command.Parameters.AddWithValue("candidates", NotePassageStore.Candidates(50));
            command.Parameters.AddWithValue("q", new Vector(SyntheticVectors.Of(text)));
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0).Trim());
            }

            return string.Join(" → ", lines.Where(l => l.StartsWith("->", StringComparison.Ordinal) || l.StartsWith("Limit", StringComparison.Ordinal)).Select(l => l.TrimStart('-', '>', ' ')));
        }


        async Task<T> ScalarAsync<T>(string sql, Guid parameter)
        {
            await using var connection = new NpgsqlConnection(benchConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("u", parameter);
            return (T)(await command.ExecuteScalarAsync())!;
        }

    }
}

/// <summary>The stand-in vectors as a generator, for the search code's model name and dimension.</summary>
internal sealed class SyntheticGenerator : VoiceNote.Application.Embeddings.IEmbeddingGenerator
{
    public string Model => SyntheticVectors.Model;

    public int Dimensions => SyntheticVectors.Size;

    public Task<float[]> GenerateAsync(string text, VoiceNote.Domain.Primitives.UserId? owner, CancellationToken cancellationToken) =>
        Task.FromResult(SyntheticVectors.Of(text));
}
