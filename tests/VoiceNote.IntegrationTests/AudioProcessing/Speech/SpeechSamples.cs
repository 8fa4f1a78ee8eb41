using System.Collections.Concurrent;
using System.Globalization;
using VoiceNote.Benchmarks;
using VoiceNote.Modules.AudioProcessing.Speech.Media;

namespace VoiceNote.IntegrationTests.AudioProcessing.Speech;

/// <summary>
/// Real test audio, made once per test run on first use: flite speech (espeak-ng's is not recognised),
/// converted by ffmpeg into what phones and browsers upload, plus the impostors uploads must refuse.
/// Everything lives in one folder removed at the end of the run (<see cref="AssemblySetup"/>): the
/// pipeline and upload fixtures use it too, so a SetUpFixture of this namespace would remove it too early.
/// </summary>
internal static class SpeechSamples
{
    public const string Dentist = "call the dentist tomorrow at five pm and buy milk";

    /// <summary>Seconds of silence after each sentence of <see cref="SentencesAsync"/>.</summary>
    public const double Pause = 0.8;

    /// <summary>How long <see cref="LongWebmClaimingTenSecondsAsync"/> really plays.</summary>
    public const int LongSeconds = 600;

    /// <summary>Sentences for the longer recordings, each followed by a pause (shared with the benchmarks).</summary>
    public static readonly string[] Sentences = SpokenNotes.Sentences;

    /// <summary>The dentist sentence in each upload format: name → (file extension, ffmpeg output arguments).</summary>
    public static readonly IReadOnlyDictionary<string, (string Extension, string[] Arguments)> Formats =
        new Dictionary<string, (string, string[])>
        {
            ["webm-opus"] = ("webm", ["-c:a", "libopus", "-b:a", "32k"]),
            ["ogg-vorbis"] = ("ogg", ["-c:a", "libvorbis"]),
            ["ogg-opus"] = ("opus", ["-c:a", "libopus", "-f", "ogg"]),
            ["m4a-aac"] = ("m4a", ["-c:a", "aac", "-b:a", "64k"]),
            ["mp3"] = ("mp3", ["-c:a", "libmp3lame", "-b:a", "64k"]),
            ["mp3-no-id3"] = ("mp3", ["-c:a", "libmp3lame", "-b:a", "64k", "-id3v2_version", "0", "-write_xing", "0"]),
            ["aac-adts"] = ("aac", ["-c:a", "aac", "-f", "adts"]),
            ["flac"] = ("flac", ["-c:a", "flac"]),
            ["caf"] = ("caf", ["-c:a", "pcm_s16le", "-f", "caf"]),
            ["wav-44k-stereo"] = ("wav", ["-ar", "44100", "-ac", "2", "-c:a", "pcm_s16le"]),
        };

    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Made = new();
    private static readonly ExternalProcessRunner Runner = new();

    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), $"vn-speech-tests-{Environment.ProcessId}");

    /// <summary>flite's WAV (8 kHz mono) of the dentist sentence.</summary>
    public static Task<string> DentistWavAsync() => Make("dentist.wav", path => FliteAsync(Dentist, path));

    /// <summary>The dentist sentence converted to <paramref name="format"/> (a key of <see cref="Formats"/>).</summary>
    public static Task<string> DentistAsAsync(string format) =>
        Make($"dentist-{format}.{Formats[format].Extension}", async path =>
        {
            var source = await DentistWavAsync();
            await FfmpegAsync(["-i", source, .. Formats[format].Arguments, path]);
        });

    /// <summary>A WebM written to a pipe, as a browser's MediaRecorder does: no duration in its header.</summary>
    public static Task<string> DentistStreamedWebmAsync() =>
        Make("dentist-streamed.webm", async path =>
        {
            var source = await DentistWavAsync();
            await FfmpegAsync(["-i", source, "-c:a", "libopus", "-f", "webm", "-live", "1", path]);
            // -live drops the cues and the duration, like a recording that was never finalised.
        });

    /// <summary>The first <paramref name="bytes"/> of a real recording: an upload cut off.</summary>
    public static Task<string> TruncatedAsync(string format, int bytes = 1024) =>
        Make($"truncated-{format}.{Formats[format].Extension}", async path =>
        {
            var whole = await File.ReadAllBytesAsync(await DentistAsAsync(format));
            await File.WriteAllBytesAsync(path, whole[..bytes]);
        });

    /// <summary>A PNG image given an audio name.</summary>
    public static Task<string> PngNamedWavAsync() =>
        Make("picture.wav", path => FfmpegAsync(["-f", "lavfi", "-i", "color=c=red:s=32x32", "-frames:v", "1", "-f", "image2", "-c:v", "png", path]));

    /// <summary>A text file given an audio name.</summary>
    public static Task<string> TextNamedWavAsync() =>
        Make("notes.wav", path => File.WriteAllTextAsync(path, "This is a shopping list, not a recording.\nmilk\nbread\n"));

    public static Task<string> EmptyAsync() => Make("empty.m4a", path => File.WriteAllBytesAsync(path, []));

    /// <summary>A WebM video without any audio stream.</summary>
    public static Task<string> SilentVideoAsync() =>
        Make("video-only.webm", path => FfmpegAsync(["-f", "lavfi", "-i", "testsrc=size=64x48:rate=10", "-t", "1", "-c:v", "libvpx", "-an", path]));

    /// <summary>A FLAC signature followed by garbage.</summary>
    public static Task<string> CorruptFlacAsync() =>
        Make("corrupt.flac", path =>
        {
            var bytes = new byte[8192];
            new Random(42).NextBytes(bytes);
            "fLaC"u8.CopyTo(bytes);
            return File.WriteAllBytesAsync(path, bytes);
        });

    /// <summary>
    /// A decode bomb: ten minutes of Opus (a tone at 6 kb/s, 60 ms frames: about 200 KB, made in seconds)
    /// in a WebM whose Duration element is patched to claim 10 s. ffprobe believes the header.
    /// </summary>
    public static Task<string> LongWebmClaimingTenSecondsAsync() =>
        Make("bomb-600s-claims-10s.webm", async path =>
        {
            var honest = Path.Combine(Folder, "long-600s.webm");
            await FfmpegAsync(["-f", "lavfi", "-i", "sine=f=440:r=8000", "-t", LongSeconds.ToString(CultureInfo.InvariantCulture),
                "-ac", "1", "-c:a", "libopus", "-b:a", "6k", "-frame_duration", "60", "-application", "voip", honest]);
            var bytes = await File.ReadAllBytesAsync(honest);
            File.Delete(honest);

            // Segment Info's Duration: element ID 0x4489, size 8 (0x88), a big-endian double in milliseconds.
            var at = bytes.AsSpan().IndexOf((ReadOnlySpan<byte>)[0x44, 0x89, 0x88]);
            if (at < 0)
            {
                throw new InvalidOperationException("ffmpeg wrote no 8-byte Duration element to patch.");
            }

            System.Buffers.Binary.BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(at + 3, 8), 10_000.0);
            await File.WriteAllBytesAsync(path, bytes);
        });

    /// <summary>
    /// An ID3 tag followed by an HLS playlist of a local AAC file: without a forced format, ffmpeg skips the
    /// tag, guesses HLS and reads the listed file (any file on the server it may open).
    /// </summary>
    public static Task<string> Id3TaggedPlaylistAsync() =>
        Make("playlist-behind-id3.mp3", async path =>
        {
            var segment = Path.Combine(Folder, "playlist-segment.aac");
            await FfmpegAsync(["-f", "lavfi", "-i", "sine=f=440:r=16000", "-t", "3", "-c:a", "aac", segment]);
            var playlist = $"#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:3.0,\n{segment}\n#EXT-X-ENDLIST\n";
            byte[] tag = [(byte)'I', (byte)'D', (byte)'3', 3, 0, 0, 0, 0, 0, 0];
            await File.WriteAllBytesAsync(path, tag.Concat(System.Text.Encoding.ASCII.GetBytes(playlist)).ToArray());
        });

    /// <summary>
    /// The first <paramref name="count"/> sentences, each followed by a 0.8 s pause, as one 16 kHz WAV;
    /// also returns where each sentence starts (seconds).
    /// </summary>
    public static async Task<(string Path, double[] Starts)> SentencesAsync(int count)
    {
        var parts = new string[count];
        var starts = new double[count];
        var at = 0.0;
        for (var i = 0; i < count; i++)
        {
            var text = Sentences[i];
            parts[i] = await Make($"sentence-{i}.wav", path => FliteAsync(text, path));
            starts[i] = at;
            at += await DurationAsync(parts[i]) + Pause;
        }

        var path = await Make($"sentences-{count}.wav", target =>
        {
            // concat filter: every part resampled to 16 kHz and followed by the pause.
            var inputs = parts.SelectMany(p => new[] { "-i", p }).ToList();
            var filter = string.Concat(parts.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"[{i}:a]aresample=16000,apad=pad_dur={Pause}[a{i}];")))
                + string.Concat(parts.Select((_, i) => $"[a{i}]")) + $"concat=n={parts.Length}:v=0:a=1[out]";
            return FfmpegAsync([.. inputs, "-filter_complex", filter, "-map", "[out]", "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", target]);
        });
        return (path, starts);
    }

    /// <summary><paramref name="wav"/> with white noise of the given peak amplitude (0.01 ≈ −45 dBFS RMS) mixed in.</summary>
    public static Task<string> WithNoiseAsync(string wav, double amplitude) =>
        Make(string.Create(CultureInfo.InvariantCulture, $"noisy-{amplitude}-{Path.GetFileName(wav)}"), path => FfmpegAsync(
        [
            "-i", wav,
            "-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"anoisesrc=color=white:amplitude={amplitude}:sample_rate=16000:seed=7"),
            "-filter_complex", "[0:a][1:a]amix=inputs=2:duration=first:normalize=0",
            "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", path,
        ]));

    public static async Task<double> DurationAsync(string path)
    {
        var outcome = await Runner.RunAsync(new ProcessRequest("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path]));
        return double.Parse(outcome.StandardOutput.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>A fresh path in the samples folder for a test's own output.</summary>
    public static string NewPath(string extension) => Path.Combine(Folder, $"out-{Guid.NewGuid():N}.{extension}");

    internal static void DeleteAll()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static async Task<string> Make(string name, Func<string, Task> create)
    {
        var lazy = Made.GetOrAdd(name, n => new Lazy<Task<string>>(async () =>
        {
            Directory.CreateDirectory(Folder);
            var path = Path.Combine(Folder, n);
            await create(path);
            return path;
        }));
        return await lazy.Value;
    }

    private static Task FliteAsync(string text, string path) =>
        Runner.RunAsync(new ProcessRequest("flite", ["-voice", "rms", "-t", text, "-o", path]));

    private static Task FfmpegAsync(string[] arguments) =>
        Runner.RunAsync(new ProcessRequest("ffmpeg", ["-nostdin", "-hide_banner", "-v", "error", "-y", .. arguments]) { Timeout = TimeSpan.FromMinutes(2) });
}
