using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

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

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var seconds = options.Number("seconds", 60);
        var pollMs = options.Number("poll-ms", 100);
        var timeout = TimeSpan.FromSeconds(options.Number("timeout", 900));
        var report = new BenchReport(options.Output);
        var connection = await BenchDatabase.EnsureAsync(options.ConnectionString, options.Database);
        var workDir = Directory.CreateTempSubdirectory("voicenote-bench-pipeline-").FullName;
        try
        {
            Console.Error.WriteLine("Making the recording with flite …");
            var recording = Path.Combine(workDir, "speech.wav");
            var spoken = await AudioSamples.SpeechWavAsync(recording, seconds, pause: 0.8, Path.Combine(workDir, "parts"));
            // Distinct bytes per run: the same recording again would be the same item.
            AudioSamples.Vary(recording, DateTime.UtcNow.Ticks);
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
                $"Stages observed by polling `GET /api/v1/audio/{{id}}/processing` every {pollMs} ms.");
            report.Line(string.Empty);

            var memory = new MemorySampler(api.Id, TimeSpan.FromMilliseconds(50));
            var clock = Stopwatch.StartNew();
            var (audioId, _) = await UploadBenchmark.UploadAsync(http, recording);
            var uploaded = clock.Elapsed;
            var changes = new List<(TimeSpan At, string Status, string? Stage, int Progress)>();
            JsonElement last = default;
            var missingSince = clock.Elapsed;
            while (true)
            {
                if (clock.Elapsed - uploaded > timeout)
                {
                    report.Line($"FAILED: not finished after {timeout.TotalSeconds:F0} s; last answer {last}.");
                    await report.SaveAsync();
                    return 1;
                }

                using var response = await http.GetAsync($"/api/v1/audio/{audioId}/processing");
                var at = clock.Elapsed;
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    // The job may be written just after the upload's answer; a long 404 means no pipeline here.
                    if (at - missingSince > TimeSpan.FromSeconds(30))
                    {
                        report.Line($"FAILED: `GET /api/v1/audio/{audioId}/processing` answered 404 for 30 s: this build has no processing endpoint or no job for the upload.");
                        await report.SaveAsync();
                        return 1;
                    }

                    await Task.Delay(pollMs);
                    continue;
                }

                response.EnsureSuccessStatusCode();
                last = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                var status = last.GetProperty("status").GetString()!;
                var stage = last.TryGetProperty("stage", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                var progress = last.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 0;
                if (changes.Count == 0 || changes[^1].Status != status || changes[^1].Stage != stage)
                {
                    changes.Add((at, status, stage, progress));
                    Console.Error.WriteLine(FormattableString.Invariant($"  {at.TotalSeconds,7:F1} s  {status} {stage} {progress}%"));
                }

                if (Finished.Contains(status))
                {
                    break;
                }

                await Task.Delay(pollMs);
            }

            var done = changes[^1].At;
            await memory.DisposeAsync();
            report.Line("| step (status / stage as polled) | first seen, s after request start | time until the next change |");
            report.Line("|---|---|---|");
            report.Line(FormattableString.Invariant($"| upload (request → 201) | 0.0 | {uploaded.TotalSeconds:F2} s |"));
            for (var i = 0; i < changes.Count; i++)
            {
                var change = changes[i];
                var until = i + 1 < changes.Count ? FormattableString.Invariant($"{(changes[i + 1].At - change.At).TotalSeconds:F2} s") : "—";
                report.Line(FormattableString.Invariant($"| {change.Status}{(change.Stage is null ? string.Empty : " / " + change.Stage)} | {change.At.TotalSeconds:F2} | {until} |"));
            }

            report.Line(string.Empty);
            var outcome = changes[^1].Status;
            var attempts = last.TryGetProperty("attempts", out var a) ? a.ToString() : "?";
            var error = last.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            report.Line(
                FormattableString.Invariant($"Upload → {outcome}: **{done.TotalSeconds:F1} s** wall for {duration:F1} s of audio ({done.TotalSeconds / duration:F2} × real time; ") +
                FormattableString.Invariant($"after the 201: {(done - uploaded).TotalSeconds:F1} s), attempts {attempts}. ") +
                FormattableString.Invariant($"API memory: VmRSS {memory.Before.RssMiB:F0} MiB before, peak sampled {memory.PeakRssMiB:F0} MiB, VmHWM {memory.After.PeakRssMiB:F0} MiB."));
            if (error is not null)
            {
                report.Line($"Error: {error}");
            }

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
}
