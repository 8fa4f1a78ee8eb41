using System.Text.Json;
using Mapster;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Application.Common;

/// <summary>
/// A note as its owner sees it, with its transcripts and its open and done (not deleted) tasks. Mapped by
/// hand (docs/decisions/0003): the preferred transcript, the embedding's state and the options' JSON are
/// computed from the loaded note, which a column projection cannot say.
/// </summary>
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
    NoteAnalysisDto? Analysis,
    IReadOnlyList<TaskDto> Tasks,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IVersionedRepresentation
{
    /// <summary>The note's version leaves out its search-index state, which indexing changes in the background.</summary>
    public object VersionedView() => this with { Embedding = new EmbeddingStateDto(null, null, false) };

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
            note.SentimentLabel is null ? null : new SentimentDto(ApiNames.UpperSnake(note.SentimentLabel), note.SentimentScore ?? 0),
            new ModerationDto(note.ModerationStatus, note.ModeratedAt, note.ModerationNote),
            new EmbeddingStateDto(note.EmbeddingModel, note.EmbeddedAt, note.EmbeddedTextHash is not null && note.EmbeddedTextHash == note.ContentHash),
            note.AnalysisState is { } state ? new NoteAnalysisDto(state, note.AnalysisEngine, note.AnalysisFallbackFrom, note.AnalysedAt) : null,
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

/// <summary>The analysis's reading of the recording's tone (set by the pipeline only); stored lower-case, shown UPPER_SNAKE (ADR 0061).</summary>
internal sealed record SentimentDto(string Label, double Score);

internal sealed record ModerationDto(ModerationStatus Status, DateTimeOffset? ModeratedAt, string? Note);

/// <summary>Whether the note's embedding matches its current text (it is refreshed in the background after a change).</summary>
internal sealed record EmbeddingStateDto(string? Model, DateTimeOffset? EmbeddedAt, bool IsCurrent);

/// <summary>
/// Where the note's analysis stands, whatever its source (docs/decisions/0075): null until the note had text to analyse.
/// <see cref="Engine"/> names the analyser as a recording's processing status does ("local-rules-1", "openai-chat:gpt-4o-mini");
/// <see cref="FallbackFrom"/> is the owner's language model AUTO gave way to the local rules from.
/// </summary>
internal sealed record NoteAnalysisDto(NoteAnalysisState State, string? Engine, string? FallbackFrom, DateTimeOffset? AnalysedAt);

internal sealed record TaskDto
{
    public required Guid Id { get; init; }

    public required Guid NoteId { get; init; }

    public required string Description { get; init; }

    public required bool IsDone { get; init; }

    public required DateTimeOffset? DoneAt { get; init; }

    public required DateTimeOffset? Deadline { get; init; }

    public required NotePriority Priority { get; init; }

    public required bool IsDeleted { get; init; }

    public required DateTimeOffset? DeletedAt { get; init; }

    public required DateTimeOffset? NotifiedAt { get; init; }

    public required int ReminderCount { get; init; }

    public required bool NotificationEnabled { get; init; }

    public required IReadOnlyList<AssignedEntity> AssignedEntities { get; init; }

    public required IReadOnlyList<string> ImageUrls { get; init; }

    public required IReadOnlyList<string> DocumentUrls { get; init; }

    public required IReadOnlyList<string> ExternalLinks { get; init; }

    public required CommunicationType? CommunicationType { get; init; }

    public required bool IsActionApproved { get; init; }

    public required int Position { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>A tracked task after a change; queries project with <c>ProjectToType&lt;TaskDto&gt;</c> instead.</summary>
    public static TaskDto From(NoteTask task) => task.Adapt<TaskDto>(NotesMappings.Config);
}

/// <summary>Every member matches the task's by name.</summary>
internal sealed class TaskDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<NoteTask, TaskDto>();
}
