using VoiceNote.Domain.Primitives;

namespace VoiceNote.Modules.Cases.Domain;

/// <summary>
/// A note linked to a case (docs/decisions/0080). The note itself stays in the Notes module and in its owner's own
/// notes; the case keeps only the link, and reads the note through Notes' contract. <see cref="OwnerId"/> is whose
/// note it is: when they stop taking part in the case, their notes leave it with them.
/// </summary>
internal sealed class CaseNote
{
    private CaseNote()
    {
    }

    public Guid CaseId { get; private set; }

    public Guid NoteId { get; private set; }

    public UserId OwnerId { get; private set; }

    public UserId AddedBy { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public static CaseNote Link(Guid caseId, Guid noteId, UserId owner, UserId addedBy, DateTimeOffset now) => new()
    {
        CaseId = caseId,
        NoteId = noteId,
        OwnerId = owner,
        AddedBy = addedBy,
        AddedAt = now,
    };
}
