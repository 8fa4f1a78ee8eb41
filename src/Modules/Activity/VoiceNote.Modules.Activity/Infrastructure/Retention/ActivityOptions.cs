namespace VoiceNote.Modules.Activity.Infrastructure.Retention;

/// <summary>How long the activity log keeps entries (section <c>Activity</c>); the retention scheduler prunes (ADR 0084).</summary>
internal sealed class ActivityOptions
{
    public const string Section = "Activity";

    /// <summary>Entries older than this many days are deleted by the prune (at least 1).</summary>
    public int RetentionDays { get; set; } = 365;
}
