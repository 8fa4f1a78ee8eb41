using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VoiceNote.Benchmarks;

/// <summary>
/// <c>build/bench.sh streams</c> (issue 12): another user's throughput while one user holds as many
/// progress streams as it may, against none, in one run. One Release API (job workers off, so the
/// recording stays pending and its streams stay open); a "streaming" user with one upload and a
/// "normal" user with a few notes. The sides alternate round by round: "no streams", then "max
/// streams" (the cap held open, and a burst of further attempts that must all be refused with 429).
/// </summary>
internal static class StreamsBenchmark
{
    /// <summary><c>build/bench.sh streams [--requests N] [--rounds N] [--concurrency N] [--attempts N] [--max-streams N] [--notes N]</c>.</summary>
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var requests = options.Number("requests", 4000);
        var rounds = options.Number("rounds", 4);
        var concurrency = options.Number("concurrency", 8);
        var attempts = options.Number("attempts", 1000);
        var maxStreams = options.Number("max-streams", 5);
        var noteCount = options.Number("notes", 20);
        var report = new BenchReport(options.Output);

        var connection = await BenchDatabase.EnsureAsync(options.ConnectionString, options.Database);
        var workDir = Directory.CreateTempSubdirectory("voicenote-bench-streams-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Jobs__Enabled"] = "false",
            ["Audio__MaxProgressStreamsPerUser"] = maxStreams.ToString(CultureInfo.InvariantCulture),
        };
        var startLoad = Machine.Describe();
        await using var api = await ApiProcess.StartAsync(options.WebApiDll, connection, options.Port, workDir, BenchDatabase.MasterKeyFile(options.Database), settings);

        var suffix = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        using var streaming = await SignedInClientAsync(api, $"streamer{suffix}");
        using var normal = await SignedInClientAsync(api, $"normal{suffix}");
        var recording = Path.Combine(workDir, "recording.m4a");
        await AudioSamples.ToneM4aAsync(recording, 5, seed: 12);
        var (audioId, _) = await UploadBenchmark.UploadAsync(streaming, recording);
        var noteIds = new List<Guid>();
        for (var i = 0; i < noteCount; i++)
        {
            var created = await normal.PostAsJsonAsync("/api/v1/notes", new { title = $"Bench note {i}", summary = "A note read while another user follows its processing." });
            created.EnsureSuccessStatusCode();
            noteIds.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        report.Line($"## Progress streams (issue 12): normal requests with one user's streams held, against none — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.Line(string.Empty);
        report.Line($"Machine: {startLoad}. The Release API on {api.BaseUrl} with job workers off (`Jobs__Enabled=false`, the recording stays pending), "
            + $"`Audio__MaxProgressStreamsPerUser={maxStreams}`, API rate limit lifted. Normal load: one user, {requests} requests at c={concurrency} after 50 warm-up calls, "
            + $"in turn GET /api/v1/notes?limit=20, GET /api/v1/notes/{{id}} (one of {noteCount}), GET /api/v1/me. "
            + $"Max streams: another user holds {maxStreams} streams on its pending recording (each read to its first event, then in the background) "
            + $"and tries {attempts} more at once before the load. One unmeasured warm-up run, then {rounds} round(s) a side, alternating A B, B A, ...");
        report.Line(string.Empty);

        var next = -1;
        async Task NormalRequestAsync()
        {
            var i = Interlocked.Increment(ref next);
            var path = (i % 3) switch
            {
                0 => "/api/v1/notes?limit=20",
                1 => $"/api/v1/notes/{noteIds[i / 3 % noteIds.Count]}",
                _ => "/api/v1/me",
            };
            using var response = await normal.GetAsync(path);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }

        var without = new List<LoadFigures>();
        var with = new List<LoadFigures>();
        var attemptsByRound = new List<StreamAttempts>();
        var heldFailures = 0;

        async Task NoStreamsAsync(int round)
        {
            var none = await LoadRun.RunAsync("no streams", requests, concurrency, NormalRequestAsync);
            without.Add(none);
            WriteRound(report, round, none, null);
        }

        async Task MaxStreamsAsync(int round)
        {
            await using var hold = await ProgressStreamHold.OpenAsync(streaming, audioId, maxStreams);
            var tried = await hold.AttemptMoreAsync(attempts);
            attemptsByRound.Add(tried);
            var held = await LoadRun.RunAsync($"max streams ({maxStreams} held)", requests, concurrency, NormalRequestAsync);
            with.Add(held);
            var open = hold.StillOpen;
            heldFailures += maxStreams - open;
            WriteRound(report, round, held, $"Streams: {maxStreams} held, {open} still open after the load; of {tried.Tried} more tried: {tried.Accepted} accepted, {tried.Refused} refused with 429, {tried.Other} other.");
        }

        // One unmeasured run first: the API's first thousands of requests are slower (JIT, pools), which would favour whichever side comes later.
        await LoadRun.RunAsync("warm-up", requests, concurrency, NormalRequestAsync);
        for (var round = 1; round <= rounds; round++)
        {
            // A B, then B A: neither side always runs first.
            if (round % 2 == 1)
            {
                await NoStreamsAsync(round);
                await MaxStreamsAsync(round);
            }
            else
            {
                await MaxStreamsAsync(round);
                await NoStreamsAsync(round);
            }
        }

        var a = AuthComparison.Median(without);
        var b = AuthComparison.Median(with);
        report.Line($"### Medians over {rounds} round(s)");
        report.Line(string.Empty);
        report.Line("| side | p50 ms | p95 ms | req/s | errors |");
        report.Line("|---|---|---|---|---|");
        report.Line(Invariant($"| A: no streams | {a.P50:0.00} | {a.P95:0.00} | {a.PerSecond:0} | {a.Errors} |"));
        report.Line(Invariant($"| B: {maxStreams} streams held, {attempts} more tried | {b.P50:0.00} | {b.P95:0.00} | {b.PerSecond:0} | {b.Errors} |"));
        report.Line(Invariant($"| B / A | {b.P50 / a.P50:0.00} | {b.P95 / a.P95:0.00} | {b.PerSecond / a.PerSecond:0.00} | |"));
        report.Line(string.Empty);
        report.Line($"Streams past the cap, all rounds: {attemptsByRound.Sum(t => t.Tried)} tried, {attemptsByRound.Sum(t => t.Accepted)} accepted, "
            + $"{attemptsByRound.Sum(t => t.Refused)} refused with 429, {attemptsByRound.Sum(t => t.Other)} other; held streams closed early: {heldFailures}.");
        report.Line($"Load average at the end: {Machine.LoadAverage()}.");
        await report.SaveAsync();
        var failed = a.Errors + b.Errors + heldFailures + attemptsByRound.Sum(t => t.Accepted + t.Other) > 0;
        return failed ? 1 : 0;
    }

    private static async Task<HttpClient> SignedInClientAsync(ApiProcess api, string username)
    {
        var (_, token) = await api.CreateUserAsync(username);
        var client = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static void WriteRound(BenchReport report, int round, LoadFigures figures, string? note)
    {
        report.Line($"### Round {round}, {figures.Name} (load average at its end: {Machine.LoadAverage()})");
        report.Line(string.Empty);
        report.Line(LoadFigures.Header);
        report.Line(figures.ToString());
        report.Line(string.Empty);
        if (note is not null)
        {
            report.Line(note);
            report.Line(string.Empty);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
