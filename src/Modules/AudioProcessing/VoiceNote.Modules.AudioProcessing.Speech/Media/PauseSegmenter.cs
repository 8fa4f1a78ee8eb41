using System.Runtime.InteropServices;

namespace VoiceNote.Modules.AudioProcessing.Speech.Media;

/// <summary>Consecutive samples of a longer recording; valid only until the enumeration moves on.</summary>
internal readonly record struct PcmSegment(ReadOnlyMemory<byte> Bytes, long OffsetSamples)
{
    public int SampleCount => Bytes.Length / PcmFormat.BytesPerSample;

    public ReadOnlySpan<short> Samples => MemoryMarshal.Cast<byte, short>(Bytes.Span);

    public TimeSpan Offset => TimeSpan.FromSeconds((double)OffsetSamples / PcmFormat.SampleRate);

    public TimeSpan Duration => TimeSpan.FromSeconds((double)SampleCount / PcmFormat.SampleRate);
}

/// <summary>
/// Reads a <see cref="PcmFormat"/> stream as segments of at most a given length, each cut in the longest
/// pause of its second half (<see cref="PauseFinder"/>). Together the segments cover every sample once, in
/// order; only one segment's buffer is in memory. (Samples are read as the host's byte order: x64 and
/// ARM64 are little-endian like the PCM.)
/// </summary>
internal static class PauseSegmenter
{
    public static IEnumerable<PcmSegment> Split(Stream pcm, int maxSamples, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSamples, PauseFinder.FrameSamples * 2);
        var buffer = new byte[maxSamples * PcmFormat.BytesPerSample];
        long offset = 0;
        var filled = 0;
        var endOfInput = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (!endOfInput && filled < buffer.Length)
            {
                var read = pcm.Read(buffer, filled, buffer.Length - filled);
                endOfInput = read == 0;
                filled += read;
            }

            var samples = filled / PcmFormat.BytesPerSample;
            if (samples == 0)
            {
                yield break;
            }

            var cut = endOfInput && filled < buffer.Length
                ? samples
                : PauseFinder.FindCut(MemoryMarshal.Cast<byte, short>(buffer.AsSpan(0, samples * PcmFormat.BytesPerSample)), samples / 2, samples);
            var cutBytes = cut * PcmFormat.BytesPerSample;
            yield return new PcmSegment(buffer.AsMemory(0, cutBytes), offset);

            offset += cut;
            // The uncut remainder (and an odd trailing byte) moves to the front for the next segment.
            buffer.AsSpan(cutBytes, filled - cutBytes).CopyTo(buffer);
            filled -= cutBytes;
            if (endOfInput && filled < PcmFormat.BytesPerSample)
            {
                yield break;
            }
        }
    }
}
