using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech;

/// <summary>A decoded recording in <see cref="PcmFormat"/>.</summary>
internal sealed record DecodedAudio(string Path, long Bytes)
{
    public TimeSpan Duration => PcmFormat.DurationOf(Bytes);
}

/// <summary>Turns any supported upload into the PCM every engine is fed.</summary>
internal interface IAudioDecoder
{
    /// <summary>
    /// Decodes the first audio stream of <paramref name="inputPath"/> to <see cref="PcmFormat"/> at
    /// <paramref name="outputPath"/>. The output appears whole or not at all (written aside, then renamed).
    /// Audio that decodes to more than <paramref name="maxDuration"/> is refused (<c>audio.too_long</c>)
    /// without ever writing much more than that limit, whatever duration the container claims.
    /// </summary>
    Task<Result<DecodedAudio>> DecodeToPcmAsync(string inputPath, string outputPath, TimeSpan maxDuration, CancellationToken cancellationToken = default);
}
