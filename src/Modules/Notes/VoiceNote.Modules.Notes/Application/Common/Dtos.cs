using System.Text.Json;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Application.Common;

/// <summary>A note as its owner sees it, with its transcripts and its open and done (not deleted) tasks.</summary>
internal sealed record NoteDto(
    Guid Id,
    string? Title,
    string? Summary,
    string? Transcript,
    TranscriptEngine? PreferredEngine,
    IReadOnlyList<TranscriptDto> Transcripts,
    Guid? AudioId,
    string? AudioUrl,
    string? RawAudioUrl,
    DateTimeOffset RecordedAt,
    NotePriority Priority,
    NoteStatus Status,
    bool IsPinned,
    bool IsLiked,
    bool IsArchived,
    bool IsEncrypted,
    bool IsDeleted,
    DateTimeOffset? DeletedAt,
    IReadOnlyList<string> DocumentUrls,
    IReadOnlyList<string> Links,
    IReadOnlyList<KeyMoment> KeyMoments,
    JsonElement? ProcessingOptions,
    double? DurationSeconds,
    long? SizeBytes,
    SentimentDto? Sentiment,
    ModerationDto Moderation,
    EmbeddingStateDto Embedding,
    IReadOnlyList<TaskDto> Tasks,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static NoteDto From(Note note)
    {
        var preferred = note.PreferredTranscript;
        return new NoteDto(
            note.Id,
            note.Title,
            note.Summary,
            preferred?.Text,
            note.PreferredEngine,
            note.Transcripts.OrderBy(t => t.Engine).Select(t => TranscriptDto.From(t, t == preferred)).ToList(),
            note.AudioId,
            note.AudioUrl,
            note.RawAudioUrl,
            note.RecordedAt,
            note.Priority,
            note.Status,
            note.IsPinned,
            note.IsLiked,
            note.IsArchived,
            note.IsEncrypted,
            note.IsDeleted,
            note.DeletedAt,
            note.DocumentUrls,
            note.Links,
            note.KeyMoments,
            ParseOptions(note.ProcessingOptions),
            note.DurationSeconds,
            note.SizeBytes,
            note.SentimentLabel is null ? null : new SentimentDto(note.SentimentLabel, note.SentimentScore ?? 0),
            new ModerationDto(note.ModerationStatus, note.ModeratedAt, note.ModerationNote),
            new EmbeddingStateDto(note.EmbeddingModel, note.EmbeddedAt, note.EmbeddedTextHash is not null && note.EmbeddedTextHash == note.ContentHash),
            note.Tasks.Where(t => !t.IsDeleted).OrderBy(t => t.Position).ThenBy(t => t.CreatedAt).Select(TaskDto.From).ToList(),
            note.CreatedAt,
            note.UpdatedAt);
    }

    internal static JsonElement? ParseOptions(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

internal sealed record TranscriptDto(TranscriptEngine Engine, string Text, string? Language, DateTimeOffset UpdatedAt, bool IsPreferred)
{
    public static TranscriptDto From(NoteTranscript transcript, bool preferred) =>
        new(transcript.Engine, transcript.Text, transcript.Language, transcript.UpdatedAt, preferred);
}

/// <summary>The analysis's reading of the recording's tone (set by the pipeline only).</summary>
internal sealed record SentimentDto(string Label, double Score);

internal sealed record ModerationDto(ModerationStatus Status, DateTimeOffset? ModeratedAt, string? Note);

/// <summary>Whether the note's embedding matches its current text (it is refreshed in the background after a change).</summary>
internal sealed record EmbeddingStateDto(string? Model, DateTimeOffset? EmbeddedAt, bool IsCurrent);

internal sealed record TaskDto(
    Guid Id,
    Guid NoteId,
    string Description,
    bool IsDone,
    DateTimeOffset? DoneAt,
    DateTimeOffset? Deadline,
    NotePriority Priority,
    bool IsDeleted,
    DateTimeOffset? DeletedAt,
    DateTimeOffset? NotifiedAt,
    int ReminderCount,
    bool NotificationEnabled,
    IReadOnlyList<AssignedEntity> AssignedEntities,
    IReadOnlyList<string> ImageUrls,
    IReadOnlyList<string> DocumentUrls,
    IReadOnlyList<string> ExternalLinks,
    CommunicationType? CommunicationType,
    bool IsActionApproved,
    int Position,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static TaskDto From(NoteTask task) => new(
        task.Id,
        task.NoteId,
        task.Description,
        task.IsDone,
        task.DoneAt,
        task.Deadline,
        task.Priority,
        task.IsDeleted,
        task.DeletedAt,
        task.NotifiedAt,
        task.ReminderCount,
        task.NotificationEnabled,
        task.AssignedEntities,
        task.ImageUrls,
        task.DocumentUrls,
        task.ExternalLinks,
        task.CommunicationType,
        task.IsActionApproved,
        task.Position,
        task.CreatedAt,
        task.UpdatedAt);
}
