namespace VoiceNote.Modules.AudioProcessing.Application.Library;

/// <summary>Upload limits (section <c>Audio</c>).</summary>
internal sealed class AudioOptions
{
    public const string Section = "Audio";

    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    public double MaxDurationSeconds { get; set; } = 4 * 3600;

    public long QuotaBytesPerUser { get; set; } = 5L * 1024 * 1024 * 1024;
}
