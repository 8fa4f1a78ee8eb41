using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech;

/// <summary>Tells what an uploaded file is, and refuses what is not playable audio with a reason.</summary>
internal interface IMediaProbe
{
    /// <summary>
    /// Format, codec, duration, sample rate and channels of <paramref name="path"/>; fails with
    /// <see cref="MediaErrors.Empty"/>, <see cref="MediaErrors.NotAudio"/>, <see cref="MediaErrors.Truncated"/>
    /// or <see cref="MediaErrors.Corrupt"/>.
    /// </summary>
    Task<Result<MediaInfo>> ProbeAsync(string path, CancellationToken cancellationToken = default);
}
