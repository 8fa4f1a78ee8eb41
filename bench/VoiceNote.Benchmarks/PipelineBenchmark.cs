using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Npgsql;

namespace VoiceNote.Benchmarks;

/// <summary>
/// <c>build/bench.sh pipeline</c>: a 60-second flite recording of note-like sentences, uploaded to the
/// real API with its job workers on, then <c>GET /api/v1/audio/{id}/processing</c> polled until the job
/// is <c>Completed</c> (<c>Failed</c> or <c>Cancelled</c> fail the bench). Stage times come from the
/// polling, so each is accurate to about one polling interval.
/// </summary>
internal static class PipelineBenchmark
{
    private static readonly string[] Finished = ["Completed", "Failed", "Cancelled"];

    /// <summary>The job statuses in their enum order, should the API write them as numbers.</summary>
    private static readonly string[] StatusNames = ["Pending", "Processing", "Completed", "Failed", "Cancelled"];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var seconds = options.Number("seconds", 60);
        var pollMs = options.Number("poll-ms", 100);
        var timeout = TimeSpan.FromSeconds(options.Number("timeout", 900));
        // api: the processing endpoint; db: the job row; auto: the endpoint, or the row when the endpoint is missing.
        var observe = options.Text("observe", "auto");
        var report = new BenchReport(options.Output);
        var connection = await BenchDatabase.EnsureAsync(options.ConnectionString, options.Database);
        var workDir = Directory.CreateTempSubdirectory("voicenote-bench-pipeline-").FullName;
        try
        {
            Console.Error.WriteLine("Making the recording with flite …");
            var recording = Path.Combine(workDir, "speech.wav");
            var spoken = await AudioSamples.SpeechWavAsync(recording, seconds, pause: 0.8, Path.Combine(workDir, "parts"));
            // The same bytes every run: duplicates are found per owner, and every run signs up a new one.
            var duration = await AudioSamples.DurationAsync(recording);

            var settings = new Dictionary<string, string>
            {
                ["Jobs__Enabled"] = "true",
                ["Audio__QuotaBytesPerUser"] = (1L << 40).ToString(CultureInfo.InvariantCulture),
            };
            await using var api = await ApiProcess.StartAsync(options.WebApiDll, connection, options.Port, workDir, BenchDatabase.MasterKeyFile(options.Database), settings);
            var (_, token) = await api.CreateUserAsync("pipe_" + DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture));
            using var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            report.Line($"## Audio pipeline, one {duration:F1} s recording — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            report.Line(string.Empty);
            report.Line($"Machine: {Machine.Describe()}. The Release API on 127.0.0.1 with job workers on (the defaults). " +
                $"Recording: {spoken.Count} flite sentences with 0.8 s pauses, padded with silence to {duration:F1} s, 16 kHz mono WAV ({new FileInfo(recording).Length / 1_000_000.0:F1} MB). " +
                $"Stages observed by polling every {pollMs} ms (how: below the table), so each time is accurate to about one interval.");
            report.Line(string.Empty);

            await using var jobs = NpgsqlDataSource.Create(connection);
            var others = await UnfinishedJobsAsync(jobs);
            if (others > 0)
            {
                report.Line($"FAILED: {others} other processing jobs are queued or running in `{options.Database}`; they would share the workers with the measured one.");
                await report.SaveAsync();
                return 1;
            }

            var memory = new MemorySampler(api.Id, TimeSpan.FromMilliseconds(50));
            var cpuBefore = CpuReading.Of(api.Id);
            var clock = Stopwatch.StartNew();
            var (audioId, _) = await UploadBenchmark.UploadAsync(http, recording);
            var uploaded = clock.Elapsed;
            var viaApi = observe != "db";
            var changes = new List<(TimeSpan At, JobState State)>();
            JobState? last = null;
            while (true)
            {
                if (clock.Elapsed - uploaded > timeout)
                {
                    report.Line($"FAILED: not finished after {timeout.TotalSeconds:F0} s; last state {last}.");
                    await report.SaveAsync();
                    return 1;
                }

                var state = viaApi ? await FromApiAsync(http, audioId) : await FromJobRowAsync(jobs, audioId);
                var at = clock.Elapsed;
                if (state is null)
                {
                    // The job is written with the upload, so it exists once the 201 is in.
                    if (viaApi && observe == "auto" && await FromJobRowAsync(jobs, audioId) is not null)
                    {
                        Console.Error.WriteLine("  the processing endpoint answers 404 but the job exists: reading the job row instead");
                        viaApi = false;
                        continue;
                    }

                    if (at - uploaded > TimeSpan.FromSeconds(30))
                    {
                        report.Line($"FAILED: no processing job seen for {audioId} within 30 s of the upload (endpoint 404 and no row in audio.jobs).");
                        await report.SaveAsync();
                        return 1;
                    }

                    await Task.Delay(pollMs);
                    continue;
                }

                last = state;
                if (changes.Count == 0 || changes[^1].State.Status != state.Status || changes[^1].State.Stage != state.Stage)
                {
                    changes.Add((at, state));
                    Console.Error.WriteLine(FormattableString.Invariant($"  {at.TotalSeconds,7:F1} s  {state.Status} {state.Stage} {state.Progress}%"));
                }

                if (Finished.Contains(state.Status))
                {
                    break;
                }

                await Task.Delay(pollMs);
            }

            var done = changes[^1].At;
            var cpu = CpuReading.Of(api.Id) - cpuBefore;
            await memory.DisposeAsync();
            report.Line("| step (status / stage as polled) | first seen, s after request start | time until the next change |");
            report.Line("|---|---|---|");
            report.Line(FormattableString.Invariant($"| upload (request → 201) | 0.0 | {uploaded.TotalSeconds:F2} s |"));
            for (var i = 0; i < changes.Count; i++)
            {
                var change = changes[i];
                var until = i + 1 < changes.Count ? FormattableString.Invariant($"{(changes[i + 1].At - change.At).TotalSeconds:F2} s") : "—";
                report.Line(FormattableString.Invariant($"| {change.State.Status}{(change.State.Stage is null ? string.Empty : " / " + change.State.Stage)} | {change.At.TotalSeconds:F2} | {until} |"));
            }

            report.Line(string.Empty);
            var outcome = last!.Status;
            var attempts = last.Attempts;
            var error = last.Error;
            report.Line(
                FormattableString.Invariant($"Upload → {outcome}: **{done.TotalSeconds:F1} s** wall for {duration:F1} s of audio ({done.TotalSeconds / duration:F2} × real time; ") +
                FormattableString.Invariant($"after the 201: {(done - uploaded).TotalSeconds:F1} s), attempts {attempts}. ") +
                FormattableString.Invariant($"CPU of the API process {cpu.OwnSeconds:F1} s (the recogniser runs in it), of its tool runs (ffprobe, ffmpeg) {cpu.ChildrenSeconds:F1} s. ") +
                FormattableString.Invariant($"API memory: VmRSS {memory.Before.RssMiB:F0} MiB before, peak sampled {memory.PeakRssMiB:F0} MiB, VmHWM {memory.After.PeakRssMiB:F0} MiB."));
            if (error is not null)
            {
                report.Line($"Error: {error}");
            }

            if (await TranscriptAsync(jobs, audioId) is { } transcript)
            {
                var reference = string.Join(' ', spoken).Split(' ');
                var words = transcript.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                report.Line(string.Empty);
                report.Line(FormattableString.Invariant(
                    $"Transcript (engine `{transcript.Engine}`, read from `audio.transcripts`): {words.Length} words, word error rate {100.0 * EditDistance(reference, words) / reference.Length:F1} % against the {reference.Length}-word script."));
            }

            report.Line(string.Empty);
            report.Line(viaApi
                ? $"Observed through `GET /api/v1/audio/{{id}}/processing` every {pollMs} ms."
                : $"Observed from the job's row in `audio.jobs` (status, stage, progress, attempts) through Npgsql every {pollMs} ms: " +
                  "this build's `GET /api/v1/audio/{id}/processing` answered 404, so the row the endpoint will read was read directly.");
            report.Line(string.Empty);
            report.Line($"Load average at the end: {Machine.LoadAverage()}.");
            await report.SaveAsync();
            return outcome == "Completed" ? 0 : 1;
        }
        finally
        {
            Directory.Delete(workDir, recursive: true);
        }
    }

    /// <summary>The answer of <c>GET /api/v1/audio/{id}/processing</c>; null on 404.</summary>
    private static async Task<JobState?> FromApiAsync(HttpClient http, Guid audioId)
    {
        using var response = await http.GetAsync($"/api/v1/audio/{audioId}/processing");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return new JobState(
            json.GetProperty("status") is { ValueKind: JsonValueKind.Number } number ? StatusNames[number.GetInt32()] : json.GetProperty("status").GetString()!,
            json.TryGetProperty("stage", out var stage) && stage.ValueKind == JsonValueKind.String ? stage.GetString() : null,
            json.TryGetProperty("progress", out var progress) && progress.ValueKind == JsonValueKind.Number ? progress.GetInt32() : 0,
            json.TryGetProperty("attempts", out var attempts) && attempts.ValueKind == JsonValueKind.Number ? attempts.GetInt32() : 0,
            json.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null);
    }

    /// <summary>The recording's <c>audio.process</c> job row (what the endpoint reads); null when there is none.</summary>
    private static async Task<JobState?> FromJobRowAsync(NpgsqlDataSource jobs, Guid audioId)
    {
        await using var command = jobs.CreateCommand(
            "SELECT status, stage, progress, attempts, error FROM audio.jobs WHERE kind = 'audio.process' AND payload->>'audioId' = @id ORDER BY created_at DESC LIMIT 1");
        command.Parameters.AddWithValue("id", audioId.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        return new JobState(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4));
    }

    private static async Task<long> UnfinishedJobsAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("SELECT count(*) FROM audio.jobs WHERE status IN ('Pending', 'Processing')");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(string Engine, string Text)?> TranscriptAsync(NpgsqlDataSource db, Guid audioId)
    {
        await using var command = db.CreateCommand("SELECT engine, text FROM audio.transcripts WHERE audio_id = @id ORDER BY version DESC LIMIT 1");
        command.Parameters.AddWithValue("id", audioId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>Word-level Levenshtein distance (substitutions, insertions, deletions).</summary>
    private static int EditDistance(string[] reference, string[] hypothesis)
    {
        var previous = Enumerable.Range(0, hypothesis.Length + 1).ToArray();
        for (var i = 1; i <= reference.Length; i++)
        {
            var current = new int[hypothesis.Length + 1];
            current[0] = i;
            for (var j = 1; j <= hypothesis.Length; j++)
            {
                var substitution = previous[j - 1] + (string.Equals(reference[i - 1], hypothesis[j - 1], StringComparison.Ordinal) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[hypothesis.Length];
    }

    private sealed record JobState(string Status, string? Stage, int Progress, int Attempts, string? Error);
}
