using Ardalis.Specification;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Application.Admin;

/// <summary>
/// Any user's note by id: the admin door to every user's notes. It lifts the owner filter (by name, in
/// the evaluator), so only admin use cases, each requiring a named permission, use it.
/// </summary>
internal sealed class AnyNoteById : Specification<Note>
{
    public AnyNoteById(Guid id) => Query.Where(n => n.Id == id).IgnoreQueryFilters();
}

/// <summary>Any user's note by id with its transcripts and tasks, read only, for an admin's full view.</summary>
internal sealed class AnyNoteWithChildrenById : Specification<Note>
{
    public AnyNoteWithChildrenById(Guid id)
    {
        Query.Where(n => n.Id == id).IgnoreQueryFilters().AsNoTracking().AsSplitQuery();
        Query.Include(n => n.Transcripts);
        Query.Include(n => n.Tasks);
    }
}
