using System.Diagnostics;
using System.Globalization;

namespace VoiceNote.Benchmarks;

/// <summary>
/// Real recordings for the audio benchmarks, made with ffmpeg and flite (the Debian packages the
/// tests use), so the upload's probe accepts them as it would a phone's.
/// </summary>
internal static class AudioSamples
{
    /// <summary>Bytes per second of the big WAVs: 48 kHz, stereo, 16-bit.</summary>
    private const int WavBytesPerSecond = 48_000 * 2 * 2;

    /// <summary>A WAV of pink noise (48 kHz stereo PCM) of about <paramref name="bytes"/> bytes.</summary>
    public static Task NoiseWavAsync(string path, long bytes, int seed)
    {
        var seconds = (double)bytes / WavBytesPerSecond;
        return RunAsync("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi",
            "-i", Invariant($"anoisesrc=d={seconds:F3}:c=pink:r=48000:a=0.3:seed={seed}"),
            "-ac", "2", "-c:a", "pcm_s16le", path);
    }

    /// <summary>
    /// Makes the file's bytes differ from every earlier variant without breaking it: overwrites eight
    /// bytes of PCM in the middle of the data (one inaudible click), so the upload is not a duplicate.
    /// </summary>
    public static void Vary(string path, long variant)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        file.Position = (file.Length / 2) & ~3L;
        file.Write(BitConverter.GetBytes(variant ^ Environment.TickCount64));
        file.Flush(flushToDisk: false);
    }

    /// <summary>A short AAC recording in an M4A (what a phone's voice recorder writes): a tone over a little noise, distinct per <paramref name="seed"/>.</summary>
    public static Task ToneM4aAsync(string path, double seconds, int seed) =>
        RunAsync("ffmpeg", "-nostdin", "-v", "error", "-y",
            "-f", "lavfi", "-i", Invariant($"sine=frequency={220 + (seed * 7)}:sample_rate=44100:duration={seconds:F2}"),
            "-f", "lavfi", "-i", Invariant($"anoisesrc=d={seconds:F2}:c=white:r=44100:a=0.02:seed={seed + 1}"),
            "-filter_complex", "amix=inputs=2:duration=shortest", "-ac", "1", "-c:a", "aac", "-b:a", "64k", path);

    /// <summary>
    /// About <paramref name="seconds"/> of flite speech (voice rms): the sentences in turn, each followed by a
    /// pause, as many as fit, then padded with silence to exactly that length (16 kHz mono WAV).
    /// Returns the sentences spoken.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SpeechWavAsync(string path, double seconds, double pause, string folder)
    {
        Directory.CreateDirectory(folder);
        var silence = Path.Combine(folder, "pause.wav");
        await RunAsync("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", Invariant($"anullsrc=r=16000:cl=mono"), "-t", Invariant($"{pause:F2}"), "-c:a", "pcm_s16le", silence);
        var list = new List<string>();
        var spoken = new List<string>();
        var total = 0.0;
        for (var i = 0; ; i++)
        {
            var sentence = SpokenNotes.Sentences[i % SpokenNotes.Sentences.Length];
            var raw = Path.Combine(folder, $"s{i}-8k.wav");
            var part = Path.Combine(folder, $"s{i}.wav");
            // The offline speech benchmark's voice: flite's default (kal) is recognised far worse.
            await RunAsync("flite", "-voice", "rms", "-t", sentence, "-o", raw);
            await RunAsync("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", raw, "-ar", "16000", "-ac", "1", "-c:a", "pcm_s16le", part);
            var length = await DurationAsync(part);
            if (total + length > seconds)
            {
                break;
            }

            list.Add(part);
            spoken.Add(sentence);
            total += length;
            if (total + pause <= seconds)
            {
                list.Add(silence);
                total += pause;
            }
        }

        var concat = Path.Combine(folder, "list.txt");
        await File.WriteAllLinesAsync(concat, list.Select(p => $"file '{p}'"));
        await RunAsync("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", concat,
            "-af", "apad", "-t", Invariant($"{seconds:F2}"), "-ar", "16000", "-ac", "1", "-c:a", "pcm_s16le", path);
        return spoken;
    }

    public static async Task<double> DurationAsync(string path)
    {
        var text = await RunAsync("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "default=noprint_wrappers=1:nokey=1", path);
        return double.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a tool to its end; its standard output, or an exception with its error output.</summary>
    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
