namespace VoiceNote.Modules.Exports.Application.Documents;

/// <summary>
/// Everything an export writes about one note, gathered from the modules that own each part (Notes: title, summary,
/// tasks, key moments; AudioProcessing: duration, word timings, transcript versions and analyses; Identity: the owner's
/// time zone). Format writers read only this, so each is a pure function of it.
/// </summary>
internal sealed record NoteDocument(
    Guid NoteId,
    string Title,
    DateTimeOffset RecordedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    TimeZoneInfo OwnerTimeZone,
    TimeSpan? Duration,
    string Priority,
    string? Sentiment,
    string? Language,
    string? Summary,
    string? Transcript,
    IReadOnlyList<TimedWord> Words,
    IReadOnlyList<DocumentTask> Tasks,
    IReadOnlyList<DocumentKeyMoment> KeyMoments,
    IReadOnlyList<DocumentTranscriptVersion> TranscriptVersions,
    IReadOnlyList<DocumentAnalysisVersion> AnalysisVersions)
{
    /// <summary>A time of this note as its owner reads it: in their time zone.</summary>
    public DateTimeOffset InOwnerZone(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, OwnerTimeZone);
}

/// <summary>One word of the current transcript and when it was said, in milliseconds from the recording's start.</summary>
internal sealed record TimedWord(string Text, int StartMs, int EndMs);

/// <summary>A task of the note: priority is HIGH, MEDIUM or LOW as the API writes it.</summary>
internal sealed record DocumentTask(string Description, DateTimeOffset? Deadline, string Priority, bool IsDone, DateTimeOffset? DoneAt);

internal sealed record DocumentKeyMoment(TimeSpan At, string Description);

/// <summary>A transcript the recording's pipeline made: numbered from 1, the newest is current.</summary>
internal sealed record DocumentTranscriptVersion(int Version, string Engine, string Language, DateTimeOffset CreatedAt, string Text);

/// <summary>The analysis of one transcript version.</summary>
internal sealed record DocumentAnalysisVersion(
    int Version,
    string Engine,
    DateTimeOffset CreatedAt,
    string Summary,
    string? Title,
    IReadOnlyList<DocumentTask> Tasks,
    IReadOnlyList<DocumentKeyMoment> KeyMoments,
    string? Sentiment);
