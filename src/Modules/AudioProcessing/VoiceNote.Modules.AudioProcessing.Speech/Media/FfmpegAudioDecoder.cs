using System.Globalization;
using Microsoft.Extensions.Options;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech.Media;

/// <summary>
/// Decodes the first audio stream of an upload to <see cref="PcmFormat"/> (downmixed to mono, resampled to
/// 16 kHz), read with the demuxer its magic bytes name. The PCM is written beside the target and renamed
/// into place, so a crash or a cancellation never leaves a half-written file under the final name.
/// </summary>
/// <remarks>
/// The duration a container claims can be forged (a patched WebM header says 10 s over five hours of
/// packets), so the limit is enforced on what is decoded: ffmpeg stops writing just past it, and output
/// that reached the cap is refused and deleted. Disk use is bounded by the limit, whatever the file says.
/// </remarks>
internal sealed class FfmpegAudioDecoder(ExternalProcessRunner runner, IOptions<MediaOptions> options) : IAudioDecoder
{
    /// <summary>Decoding runs this far past the limit, so a recording of exactly the limit (plus codec padding) passes.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    private readonly MediaOptions _options = options.Value;

    public async Task<Result<DecodedAudio>> DecodeToPcmAsync(string inputPath, string outputPath, TimeSpan maxDuration, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(inputPath))
        {
            throw new FileNotFoundException("No file to decode.", inputPath);
        }

        var sniffed = await AudioFormatSniffer.SniffFileAsync(inputPath, cancellationToken).ConfigureAwait(false);
        if (FfmpegArguments.DemuxerOf(sniffed.Format) is not { } demuxer)
        {
            return MediaErrors.Corrupt($"The file is {sniffed.Description}, not audio that can be decoded.");
        }

        var target = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = $"{target}.{Guid.NewGuid():N}.part";
        var cap = maxDuration + Margin;
        try
        {
            await runner.RunAsync(new ProcessRequest(_options.FfmpegPath,
                [
                    "-nostdin", "-hide_banner", "-v", "error", "-y",
                    .. FfmpegArguments.ReadOnly(inputPath, demuxer),
                    "-map", "0:a:0", "-vn", "-sn", "-dn",
                    "-t", cap.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
                    "-ac", PcmFormat.Channels.ToString(CultureInfo.InvariantCulture),
                    "-ar", PcmFormat.SampleRate.ToString(CultureInfo.InvariantCulture),
                    "-c:a", "pcm_s16le", "-f", "s16le", FfmpegArguments.Output(partial),
                ])
            {
                Timeout = _options.DecodeTimeout,
                MaxStandardErrorChars = _options.MaxStandardErrorChars,
            }, cancellationToken).ConfigureAwait(false);

            var bytes = File.Exists(partial) ? new FileInfo(partial).Length : 0;
            if (bytes == 0)
            {
                return MediaErrors.Corrupt("No audio could be decoded from the file: it is truncated or corrupt.");
            }

            // Past half the margin, decoding ran into the cap: the audio goes on beyond the limit.
            if (PcmFormat.DurationOf(bytes) > maxDuration + (Margin / 2))
            {
                return MediaErrors.TooLong(maxDuration);
            }

            File.Move(partial, target, overwrite: true);
            return new DecodedAudio(target, bytes);
        }
        catch (ExternalProcessException e) when (e.Reason == ProcessFailureReason.NonZeroExit)
        {
            return MediaErrors.Corrupt($"The audio cannot be decoded ({e.ClientReason}).");
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
