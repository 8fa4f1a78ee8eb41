using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Cases.Domain;

namespace VoiceNote.Modules.Cases.Application.Recordings;

/// <summary>A recording in a case: what AudioProcessing says of it, how it came in, and its current versions.</summary>
internal sealed record CaseRecordingDto(
    Guid AudioId,
    Guid OwnerId,
    string? Title,
    string Format,
    double DurationSeconds,
    long SizeBytes,
    string Status,
    bool IsArchived,
    CaseRecordingSource Source,
    Guid AddedBy,
    DateTimeOffset AddedAt,
    DateTimeOffset RecordedAt,
    int? CurrentTranscriptVersion,
    int? CurrentAnalysisVersion)
{
    public static CaseRecordingDto From(CaseRecording row, RecordingSummary recording, int? transcript, int? analysis) => new(
        row.AudioId, row.OwnerId, recording.Title, recording.Format, recording.DurationSeconds, recording.SizeBytes, recording.Status,
        recording.IsArchived, row.Source, row.AddedBy, row.AddedAt, recording.RecordedAt, transcript, analysis);
}

/// <summary>A recording an upload or attachment put in the case, and whether this request added it (201) or it was there (200).</summary>
internal sealed record CaseRecordingUploaded(CaseRecordingDto Recording, bool Created);

/// <summary>One transcription of a case recording; the latest is current.</summary>
internal sealed record CaseTranscriptVersionDto(int Version, string Engine, string Language, Guid StartedBy, DateTimeOffset CreatedAt, bool IsCurrent, string Text)
{
    public static CaseTranscriptVersionDto From(RecordingVersion v, int current) =>
        new(v.Number, ApiNames.UpperSnake(v.Engine), v.Language, v.StartedBy, v.CreatedAt, v.Number == current, v.Text ?? string.Empty);
}

/// <summary>One analysis of a case recording, numbered as the transcript it analysed; the latest is current.</summary>
internal sealed record CaseAnalysisVersionDto(int Version, string Engine, string Language, Guid StartedBy, DateTimeOffset CreatedAt, bool IsCurrent, CaseAnalysis Result)
{
    public static CaseAnalysisVersionDto From(RecordingVersion v, int current) =>
        new(v.Number, v.Engine, v.Language, v.StartedBy, v.CreatedAt, v.Number == current, CaseAnalysis.Read(v.Result ?? "{}"));
}

/// <summary>A re-run queued from the case: its job, whose transcript and analysis become the next versions.</summary>
internal sealed record QueuedRunDto(Guid AudioId, Guid JobId);
