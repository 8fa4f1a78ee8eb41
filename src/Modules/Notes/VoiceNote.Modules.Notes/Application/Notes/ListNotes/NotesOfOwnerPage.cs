using Ardalis.Specification;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Application.Notes.ListNotes;

/// <summary>The caller's notes that a list's filter admits: what its total counts. The owner filter keeps other users' notes out.</summary>
internal sealed class NotesOfOwner : Specification<Note>
{
    public NotesOfOwner(NoteFilter filter) => Query.Matching(filter);
}

/// <summary>
/// One keyset page of the caller's notes (docs/decisions/0023): the filter, the rows after the cursor in
/// the sort's order, and one row more than the limit, which says whether there is a next page.
/// </summary>
internal sealed class NotesOfOwnerPage : Specification<Note>
{
    public NotesOfOwnerPage(NoteFilter filter, NoteSort sort, NoteCursor? cursor, int limit)
    {
        Query.Matching(filter).After(cursor).SortedBy(sort);
        Query.Take(limit + 1);
    }
}
