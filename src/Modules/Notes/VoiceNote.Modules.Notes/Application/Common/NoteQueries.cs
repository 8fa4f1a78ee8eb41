using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Common;

/// <summary>Loads the caller's notes and tasks; the owner filter of the context makes another user's rows invisible.</summary>
internal static class NoteQueries
{
    public static Task<Note?> FindNoteAsync(this NotesDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Notes.FirstOrDefaultAsync(n => n.Id == id, cancellationToken);

    public static Task<Note?> FindNoteWithChildrenAsync(this NotesDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Notes.Include(n => n.Transcripts).Include(n => n.Tasks).AsSplitQuery().FirstOrDefaultAsync(n => n.Id == id, cancellationToken);

    public static Task<NoteTask?> FindTaskAsync(this NotesDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Tasks.Include(t => t.Note).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
}

/// <summary>The shape of the small note commands: find the caller's note, refuse one in the trash, change it.</summary>
internal static class NoteChanges
{
    public static async Task<Result> ChangeNoteAsync(this NotesDbContext db, Guid id, TimeProvider clock, Action<Note, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        var note = await db.FindNoteAsync(id, cancellationToken);
        if (note is null)
        {
            return NotesErrors.NoteNotFound;
        }

        if (note.IsDeleted)
        {
            return NotesErrors.NoteInTrash;
        }

        var now = clock.NowForDatabase();
        change(note, now);
        note.Touch(now);
        return Result.Success();
    }
}
