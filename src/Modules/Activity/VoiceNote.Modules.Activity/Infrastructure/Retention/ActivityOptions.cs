namespace VoiceNote.Modules.Activity.Infrastructure.Retention;

/// <summary>How long the activity log keeps entries, and how often the prune looks (section <c>Activity</c>).</summary>
internal sealed class ActivityOptions
{
    public const string Section = "Activity";

    /// <summary>Entries older than this many days are deleted by the prune (at least 1).</summary>
    public int RetentionDays { get; set; } = 365;

    /// <summary>Whether this process runs the prune on a timer (the API and the worker do by default).</summary>
    public bool PruneEnabled { get; set; } = true;

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}
