using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Notes.Contracts;

namespace VoiceNote.Modules.Cases.Application.Notes;

/// <summary>
/// A note in a case as its participants see it: the note (from Notes' contract), whose it is, and who added it when.
/// <see cref="Etag"/> is the note's own tag (also sent as the ETag header): send it back in If-Match to edit.
/// </summary>
internal sealed record CaseNoteDto(
    Guid Id,
    Guid OwnerId,
    string? OwnerName,
    string? Title,
    string? Summary,
    string? Transcript,
    Guid? AudioId,
    DateTimeOffset RecordedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool IsInTrash,
    Guid AddedBy,
    DateTimeOffset AddedAt,
    string Etag)
{
    public static CaseNoteDto From(CaseNote link, SharedNote note, UserSummary? owner) => new(
        note.Id,
        note.OwnerId,
        owner?.DisplayName,
        note.Title,
        note.Summary,
        note.Transcript,
        note.AudioId,
        note.RecordedAt,
        note.CreatedAt,
        note.UpdatedAt,
        note.IsInTrash,
        link.AddedBy.Value,
        link.AddedAt,
        note.ETag);
}

/// <summary>A note's title and summary as sent to a case: a field left out (or null) keeps its value, an empty one clears it.</summary>
internal sealed record CaseNoteContent(string? Title, string? Summary)
{
    public NoteContent ToNotes() => new(Title, Summary);
}
