using System.Globalization;

namespace VoiceNote.Modules.AudioProcessing.Speech.Media;

/// <summary>
/// Splits PCM into chunks no longer than an engine accepts, each cut in a pause (<see cref="PauseSegmenter"/>),
/// so words are not cut in two and every chunk but the last is at least half the maximum.
/// </summary>
internal sealed class PcmAudioSplitter : IAudioSplitter
{
    /// <summary>Below this a "chunk" would not leave room to look for a pause.</summary>
    public static readonly TimeSpan MinChunk = TimeSpan.FromSeconds(2);

    public Task<IReadOnlyList<AudioChunk>> SplitAsync(
        string pcmPath, string outputDirectory, TimeSpan maxChunk, AudioChunkFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChunk, MinChunk);
        var maxSamples = (int)Math.Min(maxChunk.TotalSeconds * PcmFormat.SampleRate, int.MaxValue / PcmFormat.BytesPerSample);
        // Reading and writing a chunk at a time is plain sequential I/O; one pool thread does it.
        return Task.Run(() => Split(pcmPath, outputDirectory, maxSamples, format, cancellationToken), cancellationToken);
    }

    private static IReadOnlyList<AudioChunk> Split(string pcmPath, string outputDirectory, int maxSamples, AudioChunkFormat format, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);
        var chunks = new List<AudioChunk>();
        using var input = new FileStream(pcmPath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        foreach (var segment in PauseSegmenter.Split(input, maxSamples, cancellationToken))
        {
            var extension = format == AudioChunkFormat.Wav ? "wav" : "pcm";
            var path = Path.Combine(outputDirectory, string.Create(CultureInfo.InvariantCulture, $"chunk-{chunks.Count:D4}.{extension}"));
            using (var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                if (format == AudioChunkFormat.Wav)
                {
                    output.Write(WavHeader.For(segment.Bytes.Length));
                }

                output.Write(segment.Bytes.Span);
            }

            chunks.Add(new AudioChunk(chunks.Count, path, segment.Offset, segment.Duration));
        }

        return chunks;
    }
}
