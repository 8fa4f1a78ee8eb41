using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Concurrency;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Common;

/// <summary>
/// Conditional writes to a note (If-Match): the note's row is locked for the transaction first, so two
/// writers holding the same tag take turns and the second one sees the first one's change and gets
/// 412 instead of overwriting it. A task's tag is its own; its writes lock its note's row too.
/// </summary>
internal static class NoteVersions
{
    public static Task LockNoteAsync(this NotesDbContext db, Guid noteId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT 1 FROM notes.notes WHERE id = {noteId} FOR UPDATE", cancellationToken);

    public static Task LockTaskNoteAsync(this NotesDbContext db, Guid taskId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT 1 FROM notes.notes WHERE id = (SELECT note_id FROM notes.tasks WHERE id = {taskId}) FOR UPDATE", cancellationToken);

    /// <summary>Null when the write may go ahead; the stale-version error when If-Match names another version.</summary>
    public static Error? Check(this RepresentationTags tags, string? ifMatch, Note note) =>
        EntityTags.Allow(ifMatch, tags.Of(NoteDto.From(note))) ? null : EntityTags.Stale;

    public static Error? Check(this RepresentationTags tags, string? ifMatch, NoteTask task) =>
        EntityTags.Allow(ifMatch, tags.Of(TaskDto.From(task))) ? null : EntityTags.Stale;
}
