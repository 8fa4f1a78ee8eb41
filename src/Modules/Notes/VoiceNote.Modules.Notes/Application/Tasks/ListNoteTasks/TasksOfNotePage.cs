using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Application.Tasks.ListNoteTasks;

/// <summary>The position after a task in its note's order: the order's keys (position, creation, id).</summary>
internal sealed record TaskPosition(int Position, DateTimeOffset CreatedAt, Guid Id)
{
    /// <summary>In UTC whatever offset a cursor carries: PostgreSQL takes only UTC for timestamptz.</summary>
    public DateTimeOffset CreatedAt { get; init; } = CreatedAt.ToUniversalTime();
}

/// <summary>A note's tasks, the deleted ones only when asked: what the list counts.</summary>
internal sealed class TasksOfNote : Specification<NoteTask>
{
    public TasksOfNote(Guid noteId, bool includeDeleted) => Query.Where(t => t.NoteId == noteId && (includeDeleted || !t.IsDeleted));
}

/// <summary>
/// One keyset page of a note's tasks in their order (position, then creation, then id): the rows after the
/// cursor and one more than the limit. A reorder during a walk may show a task twice or not at all, as in any list that changes.
/// </summary>
internal sealed class TasksOfNotePage : Specification<NoteTask>
{
    public TasksOfNotePage(Guid noteId, bool includeDeleted, TaskPosition? after, int limit)
    {
        Query.Where(t => t.NoteId == noteId && (includeDeleted || !t.IsDeleted));
        Query.OrderBy(t => t.Position).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id);
        if (after is not null)
        {
            Query.Where(t => EF.Functions.GreaterThan(ValueTuple.Create(t.Position, t.CreatedAt, t.Id), ValueTuple.Create(after.Position, after.CreatedAt, after.Id)));
        }

        Query.Take(limit + 1);
    }
}
