using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.Notes.Application.Common;

/// <summary>The Notes module's stable error codes.</summary>
internal static class NotesErrors
{
    /// <summary>No such note for this caller: also the answer for somebody else's note, so ids never leak.</summary>
    public static readonly Error NoteNotFound = Error.NotFound("notes.not_found", "No such note.");

    public static readonly Error TaskNotFound = Error.NotFound("notes.task_not_found", "No such task.");

    public static readonly Error NotInTrash = Error.Conflict("notes.not_in_trash", "Only a note in the trash can be purged; delete it first.");

    public static readonly Error NoteInTrash = Error.Conflict("notes.in_trash", "The note is in the trash; restore it first.");

    public static readonly Error TooManyTasks = Error.Conflict("notes.too_many_tasks", "This note has as many tasks as a note may have.");

    public static RateLimitedError SearchRateLimited(TimeSpan retryAfter) =>
        new("notes.search_rate_limited", "Too many searches by meaning in a short time. Try again shortly.", retryAfter);
}
