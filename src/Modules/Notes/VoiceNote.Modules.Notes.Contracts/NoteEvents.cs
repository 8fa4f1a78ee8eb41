using VoiceNote.Contracts;

namespace VoiceNote.Modules.Notes.Contracts;

/// <summary>
/// The searchable text of a note (title, summary or a transcript) changed. The Notes module itself
/// re-embeds the note on it, after the change committed and outside the request.
/// </summary>
public sealed record NoteTextChanged(Guid NoteId, Guid OwnerId, DateTimeOffset ChangedAt) : IntegrationEvent(ChangedAt);

/// <summary>A note was removed for good (purged from the trash); modules that refer to it drop the reference.</summary>
public sealed record NotePurged(Guid NoteId, Guid OwnerId, DateTimeOffset PurgedAt) : IntegrationEvent(PurgedAt);
