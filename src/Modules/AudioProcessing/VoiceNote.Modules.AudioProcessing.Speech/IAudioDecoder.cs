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
    /// </summary>
    Task<Result<DecodedAudio>> DecodeToPcmAsync(string inputPath, string outputPath, CancellationToken cancellationToken = default);
}
