using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace VoiceNote.Benchmarks;

/// <summary>
/// <c>build/bench.sh uploads</c>: (a) upload throughput of big recordings (raw body over HTTP to the
/// real API on 127.0.0.1, request start → 201) against copying the same file on the same disk, and
/// (b) many concurrent uploads of short recordings, which must all succeed, with the API's memory.
/// The API runs with its job workers off (<c>Jobs__Enabled=false</c>), so no processing competes.
/// </summary>
internal static class UploadBenchmark
{
    private const double Mega = 1_000_000.0;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var sizes = options.Text("sizes", "100,20").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var samples = options.Number("samples", 5);
        var concurrent = options.Number("concurrent", 50);
        var users = options.Number("users", concurrent);
        var part = options.Text("part", "all");
        var report = new BenchReport(options.Output);
        var connection = await BenchDatabase.EnsureAsync(options.ConnectionString, options.Database);
        var workDir = Directory.CreateTempSubdirectory("voicenote-bench-uploads-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Jobs__Enabled"] = "false",
            ["Audio__MaxUploadBytes"] = (4L << 30).ToString(CultureInfo.InvariantCulture),
            ["Audio__QuotaBytesPerUser"] = (1L << 40).ToString(CultureInfo.InvariantCulture),
        };

        report.Line($"## Audio uploads — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.Line(string.Empty);
        report.Line($"Machine: {Machine.Describe()}. The Release API on 127.0.0.1 with job workers off (`Jobs__Enabled=false`); " +
            $"storage root and copy target both under `{workDir}` ({FileSystem(workDir)}).");
        report.Line(string.Empty);
        var failed = false;
        try
        {
            if (part is "all" or "throughput")
            {
                await ThroughputAsync(options, connection, workDir, settings, sizes, samples, report);
            }

            if (part is "all" or "concurrent")
            {
                failed = !await ConcurrentAsync(options, connection, workDir, settings, concurrent, users, report);
            }

            report.Line($"Load average at the end: {Machine.LoadAverage()}.");
            await report.SaveAsync();
        }
        finally
        {
            Directory.Delete(workDir, recursive: true);
        }

        return failed ? 1 : 0;
    }

    private static async Task ThroughputAsync(BenchOptions options, string connection, string workDir, Dictionary<string, string> settings, long[] sizes, int samples, BenchReport report)
    {
        var media = Directory.CreateDirectory(Path.Combine(workDir, "media")).FullName;
        var copies = Directory.CreateDirectory(Path.Combine(workDir, "copies")).FullName;
        await using var api = await ApiProcess.StartAsync(options.WebApiDll, connection, options.Port, workDir, BenchDatabase.MasterKeyFile(options.Database), settings);
        var (_, token) = await api.CreateUserAsync("upl_" + Stamp());
        using var http = Client(api, token);

        // Warm-up: the first request pays for JIT, the connection and the probe's first start.
        var warm = Path.Combine(media, "warm.m4a");
        await AudioSamples.ToneM4aAsync(warm, 5, seed: 999);
        await DeleteAsync(http, (await UploadAsync(http, warm)).Id);

        report.Line($"### (a) Throughput: one upload at a time, {samples} samples per size, median (min–max)");
        report.Line(string.Empty);
        report.Line("Each sample changes 8 bytes of the WAV (a new recording to the server), runs `sync` before every " +
            "operation so none pays for the previous one's dirty pages, and alternates the order of the three. " +
            "Upload = raw body (`Content-Type: audio/wav`) from request start to the 201, which includes streaming to a temp file " +
            "with SHA-256, ffprobe, the duplicate and quota queries, the rename into place and the row; no fsync. " +
            "`File.Copy` = the runtime's copy (in-kernel on Linux), no fsync; fsync'd copy = 80 KiB read/write loop then `fsync`. " +
            "The probe's tool runs = the same ffprobe and ffmpeg packet-copy commands the API's probe starts, timed here on the same file (median).");
        report.Line(string.Empty);
        report.Line("| file | upload MB/s | File.Copy MB/s | fsync'd copy MB/s | upload / File.Copy | upload / fsync'd copy | upload s | of which the probe's two tool runs, run alone | API peak RSS during uploads |");
        report.Line("|---|---|---|---|---|---|---|---|---|");
        var variant = 0L;
        foreach (var megabytes in sizes)
        {
            var source = Path.Combine(media, $"noise-{megabytes}mb.wav");
            await AudioSamples.NoiseWavAsync(source, (long)(megabytes * Mega), seed: (int)megabytes);
            var bytes = new FileInfo(source).Length;
            var seconds = await AudioSamples.DurationAsync(source);
            var upload = new List<double>();
            var copy = new List<double>();
            var synced = new List<double>();
            var probeAlone = new List<double>();
            double peak;
            await using (var memory = new MemorySampler(api.Id, TimeSpan.FromMilliseconds(20)))
            {
                for (var i = 0; i < samples; i++)
                {
                    AudioSamples.Vary(source, ++variant);
                    var steps = new (List<double> Into, Func<Task<double>> Run)[]
                    {
                        (upload, async () =>
                        {
                            var (id, elapsed) = await UploadAsync(http, source);
                            await DeleteAsync(http, id);
                            return elapsed.TotalSeconds;
                        }),
                        (copy, () => Task.FromResult(Timed(() => File.Copy(source, Path.Combine(copies, "copy.wav"), overwrite: true)))),
                        (synced, () => Task.FromResult(Timed(() => SyncedCopy(source, Path.Combine(copies, "synced.wav"))))),
                    };
                    foreach (var (into, run) in i % 2 == 0 ? steps : steps.Reverse())
                    {
                        await SyncAsync();
                        into.Add(bytes / Mega / await run());
                        await SyncAsync();
                    }

                    File.Delete(Path.Combine(copies, "copy.wav"));
                    File.Delete(Path.Combine(copies, "synced.wav"));
                    await SyncAsync();
                    probeAlone.Add(await ProbeAloneAsync(source));
                    Console.Error.WriteLine(FormattableString.Invariant($"  {megabytes} MB sample {i + 1}: upload {upload[^1]:F0}, copy {copy[^1]:F0}, fsync'd {synced[^1]:F0} MB/s"));
                }

                peak = memory.PeakRssMiB;
            }

            report.Line(FormattableString.Invariant(
                $"| {bytes / Mega:F1} MB WAV ({seconds / 60:F1} min, 48 kHz stereo) | {Median(upload):F0} ({upload.Min():F0}–{upload.Max():F0}) | {Median(copy):F0} ({copy.Min():F0}–{copy.Max():F0}) | {Median(synced):F0} ({synced.Min():F0}–{synced.Max():F0}) | {Median(upload) / Median(copy):F2} | {Median(upload) / Median(synced):F2} | {bytes / Mega / Median(upload):F2} | {Median(probeAlone):F2} s | {peak:F0} MiB |"));
        }

        var end = MemoryReading.Of(api.Id);
        report.Line(string.Empty);
        report.Line(FormattableString.Invariant($"API process memory after this part: VmRSS {end.RssMiB:F0} MiB, VmHWM (peak since start) {end.PeakRssMiB:F0} MiB."));
        report.Line(string.Empty);
    }

    private static async Task<bool> ConcurrentAsync(BenchOptions options, string connection, string workDir, Dictionary<string, string> settings, int count, int userCount, BenchReport report)
    {
        var media = Directory.CreateDirectory(Path.Combine(workDir, "short")).FullName;
        Console.Error.WriteLine($"Making {count} recordings …");
        var files = new string[count];
        var durations = new double[count];
        for (var i = 0; i < count; i++)
        {
            durations[i] = 10 + (20.0 * i / Math.Max(1, count - 1));
            files[i] = Path.Combine(media, $"r{i}.m4a");
            await AudioSamples.ToneM4aAsync(files[i], durations[i], seed: i);
        }

        var totalBytes = files.Sum(f => new FileInfo(f).Length);
        // A fresh process, so its memory figures belong to this part alone.
        await using var api = await ApiProcess.StartAsync(options.WebApiDll, connection, options.Port, workDir, BenchDatabase.MasterKeyFile(options.Database), settings);
        Console.Error.WriteLine($"Signing in {userCount} accounts …");
        var stamp = Stamp();
        var tokens = new List<string>();
        for (var u = 0; u < userCount; u++)
        {
            tokens.Add((await api.CreateUserAsync($"cu{u}_{stamp}")).Token);
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromMinutes(10) };
        var warm = Path.Combine(media, "warm.m4a");
        await AudioSamples.ToneM4aAsync(warm, 5, seed: 998);
        await SendAsync(http, tokens[0], warm);

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var results = new (double Ms, HttpStatusCode? Status, string? Error)[count];
        var clock = new Stopwatch();
        var memory = new MemorySampler(api.Id, TimeSpan.FromMilliseconds(10));
        var before = memory.Before;
        var cpuBefore = CpuReading.Of(api.Id);
        var uploads = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.Task;
            var started = Stopwatch.GetTimestamp();
            try
            {
                var (status, body) = await SendAsync(http, tokens[i % tokens.Count], files[i]);
                results[i] = (Stopwatch.GetElapsedTime(started).TotalMilliseconds, status, status == HttpStatusCode.Created ? null : body);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                results[i] = (Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, e.Message);
            }
        }).ToList();
        clock.Start();
        gate.SetResult();
        await Task.WhenAll(uploads);
        clock.Stop();
        var cpu = CpuReading.Of(api.Id) - cpuBefore;
        await memory.DisposeAsync();
        var peak = memory.PeakRssMiB;
        var after = memory.After;

        var latencies = results.Select(r => r.Ms).Order().ToArray();
        var errors = results.Where(r => r.Status != HttpStatusCode.Created).ToList();
        var who = userCount == 1 ? "one account" : userCount == count ? $"{count} accounts, one upload each" : $"{userCount} accounts";
        report.Line($"### (b) {count} concurrent uploads ({who})");
        report.Line(string.Empty);
        report.Line(
            $"{count} distinct M4A (AAC 64 kbit/s mono) recordings of 10–30 s ({totalBytes / Mega:F1} MB together), each a raw-body POST on its own connection, all released at once after one warm-up upload. " +
            $"A fresh API process; memory from /proc/<pid>/status (VmRSS sampled every 10 ms, VmHWM = the kernel's peak since the process started).");
        report.Line(string.Empty);
        report.Line("| uploads | errors | total time | p50 ms | p95 ms | max ms | uploads/s | CPU: API / its tool runs | VmRSS before | peak VmRSS (sampled) | VmHWM after |");
        report.Line("|---|---|---|---|---|---|---|---|---|---|---|");
        report.Line(FormattableString.Invariant(
            $"| {count} | {errors.Count} | {clock.Elapsed.TotalSeconds:F2} s | {Percentile(latencies, 0.50):F0} | {Percentile(latencies, 0.95):F0} | {latencies[^1]:F0} | {count / clock.Elapsed.TotalSeconds:F1} | {cpu.OwnSeconds:F1} s / {cpu.ChildrenSeconds:F1} s | {before.RssMiB:F0} MiB | {peak:F0} MiB | {after.PeakRssMiB:F0} MiB |"));
        report.Line(string.Empty);
        foreach (var error in errors)
        {
            report.Line($"- error: {(error.Status is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "no response")} {error.Error}");
        }

        if (errors.Count > 0)
        {
            report.Line(string.Empty);
            report.Line($"FAILED: {errors.Count} of {count} uploads did not answer 201.");
            report.Line(string.Empty);
        }

        return errors.Count == 0;
    }

    private static HttpClient Client(ApiProcess api, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>Uploads a file as the raw body; returns the new item's id and the time from request start to the 201.</summary>
    public static async Task<(Guid Id, TimeSpan Elapsed)> UploadAsync(HttpClient http, string path)
    {
        await using var file = OpenForUpload(path);
        using var content = RawBody(file, path);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync("/api/v1/audio", content);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Upload of {path}: {(int)response.StatusCode} {body}");
        }

        return (JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid(), elapsed);
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient http, string token, string path)
    {
        await using var file = OpenForUpload(path);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/audio") { Content = RawBody(file, path) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static FileStream OpenForUpload(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    private static StreamContent RawBody(FileStream file, string path)
    {
        var content = new StreamContent(file, 81920);
        content.Headers.ContentType = new MediaTypeHeaderValue(path.EndsWith(".wav", StringComparison.Ordinal) ? "audio/wav" : "audio/mp4");
        content.Headers.ContentLength = file.Length;
        return content;
    }

    private static async Task DeleteAsync(HttpClient http, Guid id)
    {
        using var response = await http.DeleteAsync($"/api/v1/audio/{id}");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The two tool runs of the API's probe (FfprobeMediaProbe), with the same arguments, on the same file.</summary>
    private static async Task<double> ProbeAloneAsync(string path)
    {
        var started = Stopwatch.GetTimestamp();
        await AudioSamples.RunAsync("ffprobe", "-v", "error", "-hide_banner", "-print_format", "json", "-show_format", "-show_streams", "file:" + path);
        await AudioSamples.RunAsync("ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-i", "file:" + path, "-map", "0:a:0", "-c", "copy", "-f", "null", "-progress", "pipe:1", "-nostats", "-");
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static double Timed(Action action)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static void SyncedCopy(string source, string target)
    {
        using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var to = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        var buffer = new byte[81920];
        int read;
        while ((read = from.Read(buffer)) > 0)
        {
            to.Write(buffer, 0, read);
        }

        to.Flush(flushToDisk: true);
    }

    /// <summary>Writes every dirty page out (the sync(1) tool), so the next operation starts from a clean page cache.</summary>
    private static Task SyncAsync() => AudioSamples.RunAsync("sync");

    private static string FileSystem(string path)
    {
        var full = Path.GetFullPath(path);
        var best = string.Empty;
        var type = "unknown filesystem";
        foreach (var line in File.Exists("/proc/mounts") ? File.ReadLines("/proc/mounts") : [])
        {
            var fields = line.Split(' ');
            if (fields.Length > 2 && full.StartsWith(fields[1], StringComparison.Ordinal) && fields[1].Length > best.Length)
            {
                best = fields[1];
                type = $"{fields[2]} on {fields[0]}";
            }
        }

        return type;
    }

    private static double Median(List<double> values) => Percentile(values.Order().ToArray(), 0.5);

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Stamp() => DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture);
}
