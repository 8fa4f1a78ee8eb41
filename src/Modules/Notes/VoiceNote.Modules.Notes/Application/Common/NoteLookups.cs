using Ardalis.Specification;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Application.Common;

/// <summary>One of the caller's notes by id; the owner filter makes another user's note not found.</summary>
internal sealed class NoteById : Specification<Note>
{
    public NoteById(Guid id) => Query.Where(n => n.Id == id);
}

/// <summary>One of the caller's notes with its transcripts and tasks; tracked only for a change.</summary>
internal sealed class NoteWithChildrenById : Specification<Note>
{
    public NoteWithChildrenById(Guid id, bool tracked = false)
    {
        Query.Where(n => n.Id == id).AsNoTracking(!tracked).AsSplitQuery();
        Query.Include(n => n.Transcripts);
        Query.Include(n => n.Tasks);
    }
}

/// <summary>One of the caller's tasks by id.</summary>
internal sealed class TaskById : Specification<NoteTask>
{
    public TaskById(Guid id) => Query.Where(t => t.Id == id);
}
