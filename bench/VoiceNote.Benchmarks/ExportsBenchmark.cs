using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using VoiceNote.Modules.Exports.Application.Documents;
using VoiceNote.Modules.Exports.Application.Formats;

namespace VoiceNote.Benchmarks;

/// <summary>
/// <c>build/bench.sh exports</c> (issue 15): (a) a two-hour recording's note written as a transcript PDF, a Word document,
/// JSON and plain text, each in a fresh process so its peak RSS is the writer's, with plain text as the baseline; (b) an
/// account export of 1,000 notes and 5 GB of audio through the real API, against an fsync'd copy of the same audio bytes,
/// with the API's peak RSS while it writes.
/// </summary>
internal static class ExportsBenchmark
{
    private const double Mega = 1_000_000.0;

    /// <summary>What one writer run printed: its time, its process's peak RSS and the bytes it wrote.</summary>
    private sealed record WriterRun(double Seconds, double PeakRssMiB, long Bytes);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var report = new BenchReport(options.Output);
        var part = options.Text("part", "all");
        report.Line($"## Exports — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.Line(string.Empty);
        report.Line($"Machine: {Machine.Describe()}.");
        report.Line(string.Empty);
        if (part is "all" or "writers")
        {
            await WritersAsync(options, report);
        }

        if (part is "all" or "account")
        {
            await AccountAsync(options, report);
        }

        report.Line($"Load average at the end: {Machine.LoadAverage()}.");
        await report.SaveAsync();
        return 0;
    }

    /// <summary>The hidden command each writer run is: <c>export-one FORMAT MINUTES WORDS OUT</c>; prints one JSON line.</summary>
    public static async Task<int> WriteOneAsync(string[] args)
    {
        var format = ExportFormat.Named(args[0]) ?? throw new ArgumentException($"Unknown format '{args[0]}'.");
        var note = LongNote(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
        var writer = typeof(ExportFormat).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(INoteWriter).IsAssignableFrom(t))
            .Select(t => (INoteWriter)Activator.CreateInstance(t)!)
            .Single(w => w.Format == format);
        var started = Stopwatch.GetTimestamp();
        await using (var output = new FileStream(args[3], FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await writer.WriteAsync(note, output, new Progress<int>(), CancellationToken.None);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new WriterRun(seconds, MemoryReading.Of(Environment.ProcessId).PeakRssMiB, new FileInfo(args[3]).Length)));
        return 0;
    }

    private static async Task WritersAsync(BenchOptions options, BenchReport report)
    {
        var minutes = options.Number("minutes", 120);
        var words = options.Number("words", 18_000);
        var samples = options.Number("samples", 3);
        var folder = Directory.CreateTempSubdirectory("voicenote-bench-exports-").FullName;
        var self = typeof(ExportsBenchmark).Assembly.Location;
        var formats = new[] { "txt", "json", "docx", "pdf_transcript" };
        var runs = formats.ToDictionary(f => f, _ => new List<WriterRun>());
        try
        {
            for (var i = 0; i < samples; i++)
            {
                foreach (var format in i % 2 == 0 ? formats : formats.Reverse())
                {
                    var output = await AudioSamples.RunAsync("dotnet", self, "export-one", format, minutes.ToString(CultureInfo.InvariantCulture),
                        words.ToString(CultureInfo.InvariantCulture), Path.Combine(folder, $"out-{format}"));
                    runs[format].Add(JsonSerializer.Deserialize<WriterRun>(output.Trim().Split('\n')[^1])!);
                    Console.Error.WriteLine(FormattableString.Invariant($"  {format} sample {i + 1}: {runs[format][^1].Seconds:F2} s"));
                }
            }

            var pages = await AudioSamples.RunAsync("pdfinfo", Path.Combine(folder, "out-pdf_transcript"));
            var pageCount = pages.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal)).Split(':')[1].Trim();
            var baseline = Median(runs["txt"].Select(r => r.Seconds));
            report.Line(FormattableString.Invariant(
                $"### (a) One note of a {minutes}-minute recording ({words:N0} timed words, with CJK, Cyrillic and emoji), {samples} runs per format, median"));
            report.Line(string.Empty);
            report.Line("Each run is a fresh process (`dotnet VoiceNote.Benchmarks.dll export-one FORMAT MINUTES WORDS OUT`) that builds the note, " +
                "writes it with the module's writer to a file and reports the writer's time, its own peak RSS (VmHWM, the runtime's ~30 MiB included) and the bytes. " +
                "Plain text is the baseline: the same paragraphs with no layout.");
            report.Line(string.Empty);
            report.Line("| format | writer s | / plain text | peak RSS MiB | bytes |");
            report.Line("|---|---|---|---|---|");
            foreach (var format in formats)
            {
                var seconds = Median(runs[format].Select(r => r.Seconds));
                var name = format == "pdf_transcript" ? $"pdf_transcript ({pageCount} pages)" : format;
                report.Line(FormattableString.Invariant(
                    $"| {name} | {seconds:F2} | {seconds / baseline:F1} × | {Median(runs[format].Select(r => r.PeakRssMiB)):F0} | {runs[format][^1].Bytes:N0} |"));
            }

            report.Line(string.Empty);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task AccountAsync(BenchOptions options, BenchReport report)
    {
        var noteCount = options.Number("notes", 1000);
        var recordingCount = options.Number("recordings", 50);
        var gigabytes = options.Number("gigabytes", 5);
        var connection = await BenchDatabase.EnsureAsync(options.ConnectionString, options.Database);
        var workDir = Directory.CreateTempSubdirectory("voicenote-bench-account-").FullName;
        var storage = ApiProcess.StorageRoot(workDir);
        try
        {
            string token;
            Guid userId;
            var stamp = DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture);

            // Seeding with the workers off: the recordings stay unprocessed and nothing else runs later.
            await using (var api = await ApiProcess.StartAsync(options.WebApiDll, connection, options.Port, workDir, BenchDatabase.MasterKeyFile(options.Database),
                new Dictionary<string, string> { ["Jobs__Enabled"] = "false" }))
            {
                (userId, token) = await api.CreateUserAsync("exp_" + stamp);
                using var http = Client(api, token);
                Console.Error.WriteLine($"Writing {noteCount} notes …");
                var text = new NoteTextGenerator(seed: 15);
                for (var i = 0; i < noteCount; i++)
                {
                    using var created = await http.PostAsJsonAsync("/api/v1/notes", new
                    {
                        title = $"Weekly sync {i} — 週次 {i}",
                        summary = text.Next().Summary,
                    });
                    created.EnsureSuccessStatusCode();
                }

                Console.Error.WriteLine($"Uploading {recordingCount} recordings …");
                var media = Directory.CreateDirectory(Path.Combine(workDir, "media")).FullName;
                for (var i = 0; i < recordingCount; i++)
                {
                    var file = Path.Combine(media, $"r{i}.m4a");
                    await AudioSamples.ToneM4aAsync(file, 5, seed: i);
                    await UploadBenchmark.UploadAsync(http, file);
                }
            }

            // Each stored file grows to its share of the bytes as a sparse file: the export reads and writes every byte of it.
            var share = (long)gigabytes * 1_000_000_000 / recordingCount;
            await using (var db = new NpgsqlConnection(connection))
            {
                await db.OpenAsync();
                await using (var cancel = new NpgsqlCommand("UPDATE audio.jobs SET status = 'Cancelled', finished_at = now()", db))
                {
                    await cancel.ExecuteNonQueryAsync();
                }

                await using var keys = new NpgsqlCommand($"SELECT storage_key FROM audio.audio_files WHERE owner_id = '{userId}'", db);
                var stored = new List<string>();
                await using (var reader = await keys.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        stored.Add(reader.GetString(0));
                    }
                }

                foreach (var key in stored)
                {
                    await using var file = new FileStream(Path.Combine(storage, "audio", key), FileMode.Open, FileAccess.Write);
                    file.SetLength(share);
                }

                await using var sizes = new NpgsqlCommand($"UPDATE audio.audio_files SET size_bytes = {share} WHERE owner_id = '{userId}'", db);
                await sizes.ExecuteNonQueryAsync();
            }

            var audioFiles = Directory.EnumerateFiles(Path.Combine(storage, "audio"), "*", SearchOption.AllDirectories).Where(f => new FileInfo(f).Length == share).ToList();
            await AudioSamples.RunAsync("sync");

            // Baseline: the same audio bytes copied into one file and fsync'd, as the upload benchmark's copy.
            var copyTarget = Path.Combine(workDir, "copy.bin");
            var copyStarted = Stopwatch.GetTimestamp();
            await using (var target = new FileStream(copyTarget, FileMode.Create, FileAccess.Write, FileShare.None, 1))
            {
                var buffer = new byte[81920];
                foreach (var path in audioFiles)
                {
                    await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                    int read;
                    while ((read = await source.ReadAsync(buffer)) > 0)
                    {
                        await target.WriteAsync(buffer.AsMemory(0, read));
                    }
                }

                target.Flush(flushToDisk: true);
            }

            var copySeconds = Stopwatch.GetElapsedTime(copyStarted).TotalSeconds;
            File.Delete(copyTarget);
            await AudioSamples.RunAsync("sync");

            await using var exporter = await ApiProcess.StartAsync(options.WebApiDll, connection, options.Port, workDir, BenchDatabase.MasterKeyFile(options.Database),
                new Dictionary<string, string> { ["Exports__MaxBytes"] = (64L << 30).ToString(CultureInfo.InvariantCulture) });
            using var client = Client(exporter, token);
            await using var memory = new MemorySampler(exporter.Id, TimeSpan.FromMilliseconds(20));
            var before = memory.Before.RssMiB;
            var started = Stopwatch.GetTimestamp();
            using var requested = await client.PostAsJsonAsync("/api/v1/exports", new { type = "account", source = new { kind = "ACCOUNT" } });
            var exportId = JsonDocument.Parse(await requested.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
            JsonElement export;
            while (true)
            {
                export = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/exports/{exportId}")).RootElement.Clone();
                if (export.GetProperty("status").GetString() is "COMPLETED" or "FAILED" or "CANCELLED")
                {
                    break;
                }

                await Task.Delay(200);
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var peak = memory.PeakRssMiB;
            if (export.GetProperty("status").GetString() != "COMPLETED")
            {
                throw new InvalidOperationException($"The account export did not complete: {export}");
            }

            var bytes = export.GetProperty("sizeBytes").GetInt64();
            var audioBytes = audioFiles.Count * share;
            report.Line(FormattableString.Invariant(
                $"### (b) Account export: {noteCount:N0} notes, {audioFiles.Count} recordings of {share / Mega:F0} MB each ({audioBytes / 1e9:F1} GB, sparse files)"));
            report.Line(string.Empty);
            report.Line("Through the Release API on 127.0.0.1 (job workers on): request → completed, read every 200 ms. The baseline copies the same " +
                "audio files into one file with an 80 KiB read/write loop and `fsync`, after `sync`. The API's RSS is sampled every 20 ms.");
            report.Line(string.Empty);
            report.Line("| | seconds | MB/s of audio | / fsync'd copy | zip bytes | API RSS before → peak |");
            report.Line("|---|---|---|---|---|---|");
            report.Line(FormattableString.Invariant(
                $"| account export | {seconds:F1} | {audioBytes / Mega / seconds:F0} | {seconds / copySeconds:F2} × the time | {bytes:N0} | {before:F0} → {peak:F0} MiB |"));
            report.Line(FormattableString.Invariant($"| fsync'd copy of the audio | {copySeconds:F1} | {audioBytes / Mega / copySeconds:F0} | 1 | | |"));
            report.Line(string.Empty);
        }
        finally
        {
            Directory.Delete(workDir, recursive: true);
        }
    }

    /// <summary>A note of <paramref name="minutes"/> of speech: bench sentences at a speaker's pace, squeezed or stretched to the length.</summary>
    private static NoteDocument LongNote(int minutes, int wordCount)
    {
        string[] sentences =
        [
            "We reviewed the quarterly numbers and the hiring plan for the support team.",
            "東京オフィスの契約は三月に始まります。",
            "Ольга подготовит отчёт к пятнице.",
            "The release slipped a week because the migration rehearsal failed 🚧.",
            "Let's book the venue for the offsite before the prices go up ☕.",
        ];
        var words = new List<TimedWord>(wordCount);
        var msPerWord = minutes * 60_000.0 / wordCount;
        for (var i = 0; words.Count < wordCount; i++)
        {
            foreach (var word in sentences[i % sentences.Length].Split(' '))
            {
                var start = (int)(words.Count * msPerWord);
                words.Add(new TimedWord(word, start, start + (int)(msPerWord * 0.8)));
                if (words.Count == wordCount)
                {
                    break;
                }
            }
        }

        var at = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
        return new NoteDocument(
            Guid.CreateVersion7(), "All-hands — 全体会議 🚀", at, at, at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), TimeSpan.FromMinutes(minutes),
            "HIGH", "positive", "en", "The team reviewed the quarter, the Tokyo office and the release plan.", string.Join(' ', words.Select(w => w.Text)), words,
            [new DocumentTask("Send the numbers to finance", at.AddDays(2), "HIGH", false, null), new DocumentTask("Book the venue", null, "LOW", false, null)],
            [new DocumentKeyMoment(TimeSpan.FromMinutes(3), "Quarterly numbers")],
            [new DocumentTranscriptVersion(1, "local", "en", at, string.Join(' ', words.Select(w => w.Text)))],
            []);
    }

    private static HttpClient Client(ApiProcess api, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[(sorted.Length - 1) / 2];
    }
}
