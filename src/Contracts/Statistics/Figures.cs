namespace VoiceNote.Contracts.Statistics;

/// <summary>One day's figure of a daily series (docs/decisions/0087); days are UTC dates.</summary>
public sealed record DailyCount(DateOnly Day, long Value);

/// <summary>A figure under a name: an engine, a format, a failure reason, a storage area.</summary>
public sealed record NamedCount(string Name, long Value);

/// <summary>How many of a module's jobs are in one status and stage now.</summary>
public sealed record JobStateCount(string Kind, string Status, string? Stage, long Count);

/// <summary>
/// A module's jobs: those in its queue now, and those that finished within a range (their outcome rolled up
/// when they finished, so the purge of finished jobs does not lose them).
/// </summary>
public sealed record JobStatistics(
    IReadOnlyList<JobStateCount> Current,
    long Completed,
    long Failed,
    long Cancelled,
    IReadOnlyList<NamedCount> FailureReasons);
