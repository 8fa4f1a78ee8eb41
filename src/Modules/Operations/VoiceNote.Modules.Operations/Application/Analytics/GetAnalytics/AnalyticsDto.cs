using VoiceNote.Contracts.Statistics;

namespace VoiceNote.Modules.Operations.Application.Analytics.GetAnalytics;

/// <summary>
/// The operators' figures (docs/decisions/0087): current ones, and daily series over <see cref="From"/>..<see cref="To"/>
/// (UTC days, both included, every day present).
/// </summary>
internal sealed record AnalyticsDto(
    DateOnly From,
    DateOnly To,
    DateTimeOffset At,
    UserFigures Users,
    NoteFigures Notes,
    TaskFigures Tasks,
    AudioFigures Audio,
    JobFigures Jobs,
    IReadOnlyList<EngineUse> Engines,
    IReadOnlyList<StorageArea> Storage,
    ExportFigures Exports);

/// <summary>Accounts not deleted; active: signed in or refreshed a session within the last 1, 7, 30 days; new: created that day.</summary>
internal sealed record UserFigures(long Total, long ActiveLastDay, long ActiveLast7Days, long ActiveLast30Days, long NewInRange, IReadOnlyList<DailyCount> NewPerDay);

/// <summary>Notes outside the trash, in the trash; the notes that exist by the day they were created.</summary>
internal sealed record NoteFigures(long Total, long InTrash, long CreatedInRange, IReadOnlyList<DailyCount> CreatedPerDay);

/// <summary>Tasks not deleted; the tasks that exist (deleted ones too) by the day they were created.</summary>
internal sealed record TaskFigures(long Total, long CreatedInRange, IReadOnlyList<DailyCount> CreatedPerDay);

/// <summary>
/// Hours of the recordings that exist (uploaded), and of audio transcribed (processed; twice when transcribed twice),
/// all time and within the range, and per day.
/// </summary>
internal sealed record AudioFigures(
    long Recordings,
    double UploadedHours,
    double ProcessedHours,
    double UploadedHoursInRange,
    double ProcessedHoursInRange,
    IReadOnlyList<DailyHours> UploadedPerDay,
    IReadOnlyList<DailyHours> ProcessedPerDay);

internal sealed record DailyHours(DateOnly Day, double Hours);

/// <summary>
/// The queues now by status and stage; the jobs that finished within the range by outcome; the failure rate
/// (failed / (completed + failed), null when none finished) and the most frequent failure reasons.
/// </summary>
internal sealed record JobFigures(
    IReadOnlyList<JobState> Current,
    long Completed,
    long Failed,
    long Cancelled,
    double? FailureRate,
    IReadOnlyList<FailureReason> TopFailureReasons);

internal sealed record JobState(string Module, string Kind, string Status, string? Stage, long Count);

internal sealed record FailureReason(string Module, string Reason, long Count);

/// <summary>Uses of one engine within the range: <c>speech</c> (transcriptions) or <c>analysis</c> (analyses of recordings).</summary>
internal sealed record EngineUse(string Kind, string Engine, long Uses);

/// <summary>Bytes kept in one storage area now: <c>originals</c>, <c>archive</c>, <c>exports</c>.</summary>
internal sealed record StorageArea(string Area, long Bytes);

/// <summary>Exports asked for within the range, per day and per format (counted when asked for, kept after the retention).</summary>
internal sealed record ExportFigures(long RequestedInRange, IReadOnlyList<DailyCount> RequestedPerDay, IReadOnlyList<NamedCount> ByFormat);
