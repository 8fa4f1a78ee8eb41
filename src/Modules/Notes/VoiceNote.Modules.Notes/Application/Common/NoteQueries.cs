using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Common;

/// <summary>Loads the caller's notes and tasks for a change (tracked); the owner filter of the context makes another user's rows invisible.</summary>
internal static class NoteQueries
{
    public static Task<Note?> FindNoteAsync(this NotesDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Notes.WithSpecification(new NoteById(id)).FirstOrDefaultAsync(cancellationToken);

    public static Task<Note?> FindNoteWithChildrenAsync(this NotesDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Notes.WithSpecification(new NoteWithChildrenById(id, tracked: true)).FirstOrDefaultAsync(cancellationToken);

    public static Task<NoteTask?> FindTaskAsync(this NotesDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Tasks.Include(t => t.Note).WithSpecification(new TaskById(id)).FirstOrDefaultAsync(cancellationToken);
}

/// <summary>
/// The shape of the small note commands: find the caller's note, refuse one in the trash, change it.
/// With a <see cref="Condition"/> (If-Match), only the version it names is changed.
/// </summary>
internal static class NoteChanges
{
    public static async Task<Result> ChangeNoteAsync(
        this NotesDbContext db, Guid id, TimeProvider clock, Action<Note, DateTimeOffset> change, CancellationToken cancellationToken, Condition? condition = null)
    {
        Note? note;
        if (condition is { IfMatch: not null })
        {
            // The tag is of the whole note (tasks and transcripts too), so the check loads all of it.
            await db.LockNoteAsync(id, cancellationToken);
            note = await db.FindNoteWithChildrenAsync(id, cancellationToken);
        }
        else
        {
            note = await db.FindNoteAsync(id, cancellationToken);
        }

        if (note is null)
        {
            return NotesErrors.NoteNotFound;
        }

        if (note.IsDeleted)
        {
            return NotesErrors.NoteInTrash;
        }

        if (condition is not null && condition.Tags.Check(condition.IfMatch, note) is { } stale)
        {
            return stale;
        }

        var now = clock.NowForDatabase();
        change(note, now);
        note.Touch(now);
        return Result.Success();
    }
}

/// <summary>An If-Match value and what computes the current tag to compare it with.</summary>
internal sealed record Condition(RepresentationTags Tags, string? IfMatch);
