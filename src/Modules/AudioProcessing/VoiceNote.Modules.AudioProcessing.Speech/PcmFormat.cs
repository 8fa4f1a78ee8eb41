namespace VoiceNote.Modules.AudioProcessing.Speech;

/// <summary>
/// The one audio format every engine is fed: 16 kHz, mono, signed 16-bit little-endian samples with no
/// header (what <c>ffmpeg -ac 1 -ar 16000 -f s16le</c> writes, and what PocketSphinx's model expects).
/// </summary>
internal static class PcmFormat
{
    public const int SampleRate = 16_000;

    public const int Channels = 1;

    public const int BytesPerSample = 2;

    public const int BytesPerSecond = SampleRate * BytesPerSample * Channels;

    public static TimeSpan DurationOf(long bytes) => TimeSpan.FromSeconds((double)(bytes / BytesPerSample) / SampleRate);

    public static long BytesFor(TimeSpan duration) => (long)Math.Round(duration.TotalSeconds * SampleRate) * BytesPerSample;
}
