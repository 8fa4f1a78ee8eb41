namespace VoiceNote.Modules.AudioProcessing.Speech.Media;

/// <summary>The external media tools and their limits (configuration section <c>Media</c>).</summary>
internal sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>ffmpeg executable (name on PATH or full path).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>ffprobe executable (name on PATH or full path).</summary>
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>Limit for one probe (reads the container and walks the packets once, no decoding).</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Limit for decoding one file to PCM (an hour of opus decodes in well under a minute).</summary>
    public TimeSpan DecodeTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How much of a tool's standard error is kept for the failure reason.</summary>
    public int MaxStandardErrorChars { get; set; } = 8 * 1024;

    /// <summary>
    /// A container that claims a duration is truncated when its packets stop before
    /// claim × (1 − this) and more than <see cref="TruncationSlack"/> early.
    /// </summary>
    public double TruncationTolerance { get; set; } = 0.1;

    public TimeSpan TruncationSlack { get; set; } = TimeSpan.FromSeconds(1);
}
