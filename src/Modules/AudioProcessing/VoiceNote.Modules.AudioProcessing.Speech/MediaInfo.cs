namespace VoiceNote.Modules.AudioProcessing.Speech;

/// <summary>What probing an upload found out, from its content (never from its name or declared type).</summary>
/// <param name="Container">Short container name decided from the magic bytes: webm, ogg, m4a, mp4, mp3, aac, wav, flac, amr, caf.</param>
/// <param name="FormatName">ffprobe's format name (e.g. <c>matroska,webm</c>).</param>
/// <param name="Codec">The first audio stream's codec (e.g. <c>opus</c>, <c>aac</c>, <c>mp3</c>).</param>
/// <param name="Duration">Playable duration: the container's claim when the data backs it, otherwise what the packets cover.</param>
internal sealed record MediaInfo(
    string Container,
    string FormatName,
    string Codec,
    TimeSpan Duration,
    int SampleRate,
    int Channels,
    long? BitRate,
    long SizeBytes);
