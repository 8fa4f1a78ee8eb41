using VoiceNote.Contracts;

namespace VoiceNote.Modules.Notes.Contracts;

/// <summary>
/// The searchable text of a note (title, summary or a transcript) changed. The Notes module itself
/// re-embeds the note on it, after the change committed and outside the request.
/// </summary>
public sealed record NoteTextChanged(Guid NoteId, Guid OwnerId, DateTimeOffset ChangedAt) : IntegrationEvent(ChangedAt);

/// <summary>A note was removed for good (purged from the trash); modules that refer to it drop the reference.</summary>
public sealed record NotePurged(Guid NoteId, Guid OwnerId, DateTimeOffset PurgedAt) : IntegrationEvent(PurgedAt);

/// <summary>
/// The owner wrote or changed the text a note is analysed from (its preferred transcript, else the summary or
/// title they typed), and it differs from the last text sent (<paramref name="TextHash"/>, SHA-256). Recordings
/// are analysed by their pipeline instead; this is every other way text reaches a note (docs/decisions/0075).
/// </summary>
/// <param name="RecordedAt">When the note was recorded or written: "tomorrow" counts from here.</param>
public sealed record NoteTextWritten(
    Guid NoteId,
    Guid OwnerId,
    string Text,
    string? Language,
    string TextHash,
    DateTimeOffset RecordedAt,
    DateTimeOffset WrittenAt) : IntegrationEvent(WrittenAt);
