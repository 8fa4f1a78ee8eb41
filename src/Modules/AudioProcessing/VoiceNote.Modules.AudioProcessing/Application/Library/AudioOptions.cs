namespace VoiceNote.Modules.AudioProcessing.Application.Library;

/// <summary>Upload limits (section <c>Audio</c>).</summary>
internal sealed class AudioOptions
{
    public const string Section = "Audio";

    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    public double MaxDurationSeconds { get; set; } = 4 * 3600;

    public long QuotaBytesPerUser { get; set; } = 5L * 1024 * 1024 * 1024;

    /// <summary>
    /// Minutes of audio one owner may have waiting for or in processing; an upload past it answers 429
    /// (docs/decisions/0066), so one account cannot queue days of recognition ahead of everyone else.
    /// </summary>
    public double MaxPendingMinutesPerOwner { get; set; } = 180;

    /// <summary>Progress streams (server-sent events) one user may hold open at once.</summary>
    public int MaxProgressStreamsPerUser { get; set; } = 5;

    /// <summary>How long one progress stream lasts before the server ends it.</summary>
    public TimeSpan ProgressStreamLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A progress stream reads on every change notification, and at least this often.</summary>
    public TimeSpan ProgressCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
