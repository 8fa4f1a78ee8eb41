using System.Text.Json;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Application.Common;

/// <summary>
/// Every field a client may write on a note, all optional: create uses the ones sent, update changes
/// only the ones sent (see <see cref="Sent{T}"/>). The rest of a note is the server's.
/// </summary>
internal sealed record NoteFields(
    string? Title = null,
    string? Summary = null,
    List<TranscriptInput>? Transcripts = null,
    TranscriptEngine? PreferredEngine = null,
    string? AudioUrl = null,
    string? RawAudioUrl = null,
    DateTimeOffset? RecordedAt = null,
    NotePriority? Priority = null,
    NoteStatus? Status = null,
    bool? IsPinned = null,
    bool? IsLiked = null,
    bool? IsArchived = null,
    bool? IsEncrypted = null,
    List<string>? DocumentUrls = null,
    List<string>? Links = null,
    List<KeyMoment>? KeyMoments = null,
    JsonElement? ProcessingOptions = null,
    double? DurationSeconds = null,
    long? SizeBytes = null)
{
    /// <summary>Fields of a note's JSON that only the server sets; naming them in a body is refused.</summary>
    public static readonly string[] ServerOwned =
    [
        "id", "ownerId", "userId", "audioId", "createdAt", "updatedAt", "isDeleted", "deletedAt",
        "transcript", "moderation", "moderationStatus", "moderatedAt", "moderatedBy", "moderationNote",
        "sentiment", "embedding", "embeddingModel", "embeddedAt", "embeddedTextHash", "contentHash", "searchText", "tasks", "analysis",
    ];

    /// <summary>Fields that may be sent but not as null (they always have a value).</summary>
    public static readonly string[] NotNullable = ["recordedAt", "priority", "status", "isPinned", "isLiked", "isArchived", "isEncrypted", "documentUrls", "links", "keyMoments", "transcripts"];

    public static readonly JsonBody<NoteFields> Body = new(ServerOwned);
}

/// <summary>One engine's transcript as sent: on update a null text removes that engine's transcript.</summary>
internal sealed record TranscriptInput(TranscriptEngine Engine, string? Text, string? Language = null);

/// <summary>Every field a client may write on a task.</summary>
internal sealed record TaskFields(
    string? Description = null,
    DateTimeOffset? Deadline = null,
    NotePriority? Priority = null,
    DateTimeOffset? NotifiedAt = null,
    int? ReminderCount = null,
    bool? NotificationEnabled = null,
    List<AssignedEntity>? AssignedEntities = null,
    List<string>? ImageUrls = null,
    List<string>? DocumentUrls = null,
    List<string>? ExternalLinks = null,
    CommunicationType? CommunicationType = null,
    bool? IsActionApproved = null,
    int? Position = null)
{
    public static readonly string[] ServerOwned =
        ["id", "noteId", "ownerId", "userId", "isDone", "doneAt", "isDeleted", "deletedAt", "createdAt", "updatedAt", "sourceKey"];

    public static readonly string[] NotNullable =
        ["description", "priority", "reminderCount", "notificationEnabled", "assignedEntities", "imageUrls", "documentUrls", "externalLinks", "isActionApproved", "position"];

    public static readonly JsonBody<TaskFields> Body = new(ServerOwned);
}
