namespace VoiceNote.Modules.AudioProcessing.Speech;

/// <summary>How a chunk is written: WAV (a header remote engines accept) or headerless PCM.</summary>
internal enum AudioChunkFormat
{
    Wav,
    RawPcm,
}

/// <summary>One piece of a longer recording; <see cref="Offset"/> places its word timings back on the recording's clock.</summary>
internal sealed record AudioChunk(int Index, string Path, TimeSpan Offset, TimeSpan Duration);

/// <summary>Cuts long PCM audio into pieces an engine with a per-call limit accepts, preferring cuts in pauses.</summary>
internal interface IAudioSplitter
{
    /// <summary>
    /// Splits <paramref name="pcmPath"/> (<see cref="PcmFormat"/>) into consecutive chunks of at most
    /// <paramref name="maxChunk"/> written under <paramref name="outputDirectory"/>. Chunks cover the audio
    /// exactly once, in order; each cut is placed in the longest pause of the chunk's second half.
    /// </summary>
    Task<IReadOnlyList<AudioChunk>> SplitAsync(
        string pcmPath, string outputDirectory, TimeSpan maxChunk, AudioChunkFormat format, CancellationToken cancellationToken = default);
}
