using System.Buffers.Binary;

namespace VoiceNote.Modules.AudioProcessing.Speech.Media;

/// <summary>The 44-byte canonical RIFF/WAVE header for <see cref="PcmFormat"/> data.</summary>
internal static class WavHeader
{
    public const int Length = 44;

    public static byte[] For(long dataBytes)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dataBytes, uint.MaxValue - Length);
        var header = new byte[Length];
        var span = header.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(dataBytes + Length - 8));
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16); // fmt chunk size
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], PcmFormat.Channels);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], PcmFormat.SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], PcmFormat.BytesPerSecond);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], PcmFormat.BytesPerSample * PcmFormat.Channels);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 8 * PcmFormat.BytesPerSample);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)dataBytes);
        return header;
    }
}
