using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech.Media;

/// <summary>
/// Probes uploads in three steps, cheapest first: the size (empty?), the magic bytes (an image or a text is
/// refused before any tool runs), then ffprobe for streams and the container's claimed duration, and one
/// pass of ffmpeg over the packets (copied, not decoded) to find where the audio really ends. That last
/// pass is what catches a truncated WebM, whose header still claims the full duration.
/// </summary>
internal sealed class FfprobeMediaProbe(ExternalProcessRunner runner, IOptions<MediaOptions> options) : IMediaProbe
{
    private static readonly string[] TruncationSigns = ["moov atom not found", "ended prematurely", "end of file", "truncat"];

    private readonly MediaOptions _options = options.Value;

    public async Task<Result<MediaInfo>> ProbeAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException("No file to probe.", path);
        }

        if (file.Length == 0)
        {
            return MediaErrors.Empty;
        }

        var sniffed = await AudioFormatSniffer.SniffFileAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        if (!sniffed.MayBeAudio)
        {
            return MediaErrors.NotAudio(sniffed.Format == "unknown"
                ? "The file's content is not a recognised audio format (expected WebM, Ogg, M4A/MP4, MP3, AAC, WAV, FLAC, AMR or CAF)."
                : $"The file is {sniffed.Description}, not audio.");
        }

        // Sniffed as audio means a known container, so there is always a demuxer; ffmpeg never guesses.
        var demuxer = FfmpegArguments.DemuxerOf(sniffed.Format)!;
        ProcessOutcome probed;
        try
        {
            probed = await runner.RunAsync(Request(_options.FfprobePath, _options.ProbeTimeout,
                ["-v", "error", "-hide_banner", "-print_format", "json", "-show_format", "-show_streams", .. FfmpegArguments.ReadOnly(file.FullName, demuxer)]),
                cancellationToken).ConfigureAwait(false);
        }
        catch (ExternalProcessException e) when (e.Reason == ProcessFailureReason.NonZeroExit)
        {
            return Unreadable(sniffed, file.FullName, e.ClientReason);
        }

        using var document = JsonDocument.Parse(probed.StandardOutput);
        var report = document.RootElement;

        if (FirstAudioStream(report) is not { } stream)
        {
            return MediaErrors.NotAudio($"The file is {sniffed.Description} without an audio stream.");
        }

        var format = report.TryGetProperty("format", out var f) ? f : default;
        var claimed = Seconds(format, "duration") ?? Seconds(stream, "duration");
        double? present;
        try
        {
            present = await AudioEndAsync(file.FullName, demuxer, cancellationToken).ConfigureAwait(false);
        }
        catch (ExternalProcessException e) when (e.Reason == ProcessFailureReason.NonZeroExit)
        {
            return Unreadable(sniffed, file.FullName, e.ClientReason);
        }

        if (present is not > 0)
        {
            return MediaErrors.Truncated($"The file is {sniffed.Description} but no audio could be read from it: it is truncated or corrupt.");
        }

        if (claimed is { } claim && IsShortOf(claim, present.Value))
        {
            return MediaErrors.Truncated(string.Create(CultureInfo.InvariantCulture,
                $"The file is {sniffed.Description} that claims {claim:0.0} s of audio, but its data ends after {present.Value:0.0} s: it is truncated."));
        }

        return new MediaInfo(
            Container: sniffed.Format,
            FormatName: Text(format, "format_name") ?? sniffed.Format,
            Codec: Text(stream, "codec_name") ?? "unknown",
            // The claim may be forged short (a patched WebM header): the packets' end is what decodes.
            Duration: TimeSpan.FromSeconds(Math.Max(claimed ?? 0, present.Value)),
            SampleRate: (int)(Number(stream, "sample_rate") ?? 0),
            Channels: (int)(Number(stream, "channels") ?? 0),
            BitRate: Number(format, "bit_rate") ?? Number(stream, "bit_rate"),
            SizeBytes: file.Length);
    }

    private static Error Unreadable(SniffedFormat sniffed, string path, string toolReason)
    {
        var reason = toolReason.Length == 0 ? string.Empty : $" ({toolReason})";
        var cutShort = IsoBoxes.Formats.Contains(sniffed.Format) && IsoBoxes.EndsEarly(path);
        return cutShort || TruncationSigns.Any(sign => toolReason.Contains(sign, StringComparison.OrdinalIgnoreCase))
            ? MediaErrors.Truncated($"The file starts as {sniffed.Description} but is truncated{reason}.")
            : MediaErrors.Corrupt($"The file starts as {sniffed.Description} but cannot be read: it is corrupt{reason}.");
    }

    private bool IsShortOf(double claimed, double present) =>
        present < claimed * (1 - _options.TruncationTolerance) && claimed - present > _options.TruncationSlack.TotalSeconds;

    /// <summary>
    /// Where the first audio stream's packets end, in seconds: ffmpeg copies them to the null muxer (no
    /// decoding, so it is I/O bound) and reports the last timestamp through <c>-progress</c>.
    /// </summary>
    private async Task<double?> AudioEndAsync(string path, string demuxer, CancellationToken cancellationToken)
    {
        var outcome = await runner.RunAsync(Request(_options.FfmpegPath, _options.ProbeTimeout,
            ["-nostdin", "-hide_banner", "-v", "error", .. FfmpegArguments.ReadOnly(path, demuxer, alsoPipe: true),
            "-map", "0:a:0", "-c", "copy", "-f", "null", "-progress", "pipe:1", "-nostats", "-"]),
            cancellationToken).ConfigureAwait(false);
        var last = outcome.StandardOutput.Split('\n')
            .Select(line => line.Trim())
            .LastOrDefault(line => line.StartsWith("out_time_us=", StringComparison.Ordinal));
        return last is not null && long.TryParse(last["out_time_us=".Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var micros)
            ? micros / 1_000_000.0
            : null;
    }

    private ProcessRequest Request(string tool, TimeSpan timeout, string[] arguments) =>
        new(tool, arguments) { Timeout = timeout, MaxStandardErrorChars = _options.MaxStandardErrorChars };

    private static JsonElement? FirstAudioStream(JsonElement report)
    {
        if (!report.TryGetProperty("streams", out var streams) || streams.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var stream in streams.EnumerateArray())
        {
            if (Text(stream, "codec_type") == "audio")
            {
                return stream;
            }
        }

        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>ffprobe writes most numbers as strings ("48000", "3.583000") and some as numbers; "N/A" means unknown.</summary>
    private static long? Number(JsonElement element, string name) =>
        Seconds(element, name) is { } value ? (long)value : null;

    private static double? Seconds(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDouble();
        }

        return value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            && double.IsFinite(parsed) && parsed > 0
                ? parsed
                : null;
    }
}
