using Microsoft.Extensions.Options;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech.Media;

/// <summary>
/// Decodes the first audio stream of any file ffmpeg reads to <see cref="PcmFormat"/> (downmixed to mono,
/// resampled to 16 kHz). The PCM is written beside the target and renamed into place, so a crash or a
/// cancellation never leaves a half-written file under the final name.
/// </summary>
internal sealed class FfmpegAudioDecoder(ExternalProcessRunner runner, IOptions<MediaOptions> options) : IAudioDecoder
{
    private readonly MediaOptions _options = options.Value;

    public async Task<Result<DecodedAudio>> DecodeToPcmAsync(string inputPath, string outputPath, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(inputPath))
        {
            throw new FileNotFoundException("No file to decode.", inputPath);
        }

        var target = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = $"{target}.{Guid.NewGuid():N}.part";
        try
        {
            await runner.RunAsync(new ProcessRequest(_options.FfmpegPath,
                [
                    "-nostdin", "-hide_banner", "-v", "error", "-y",
                    "-i", FfmpegArguments.Input(inputPath),
                    "-map", "0:a:0", "-vn", "-sn", "-dn",
                    "-ac", PcmFormat.Channels.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "-ar", PcmFormat.SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
