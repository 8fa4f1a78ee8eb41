using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Application.Tasks.MyTasks;

/// <summary>
/// The caller's tasks of one view, leaving out deleted tasks and those of notes in the trash: open tasks
/// due in [<c>from</c>, <c>to</c>), or done tasks. What a view's total counts.
/// </summary>
internal sealed class TasksInView : Specification<NoteTask>
{
    public TasksInView(TaskView view, DateTimeOffset? from, DateTimeOffset? to) => Query.InView(view, from, to);
}

/// <summary>
/// One keyset page of a view: open tasks by deadline (then priority, highest first, then id), done tasks
/// by when they were done (newest first, then id), the rows after the cursor and one more than the limit.
/// The partial indexes <c>ix_tasks_owner_open_deadline</c> and <c>ix_tasks_owner_done</c> serve both orders.
/// </summary>
internal sealed class TasksInViewPage : Specification<NoteTask>
{
    public TasksInViewPage(TaskView view, DateTimeOffset? from, DateTimeOffset? to, TaskViewPosition? after, int limit)
    {
        Query.InView(view, from, to);
        if (view == TaskView.Done)
        {
            Query.OrderByDescending(t => t.DoneAt).ThenByDescending(t => t.Id);
            if (after is not null)
            {
                var (at, id) = ((DateTimeOffset?)after.At, after.Id);
                Query.Where(t => EF.Functions.LessThan(ValueTuple.Create(t.DoneAt, t.Id), ValueTuple.Create(at, id)));
            }
        }
        else
        {
            // Deadline ascending but (priority, id) descending: one row comparison cannot mix directions, so the deadline is split off.
            Query.OrderBy(t => t.Deadline).ThenByDescending(t => t.Priority).ThenByDescending(t => t.Id);
            if (after is not null)
            {
                var (deadline, priority, id) = ((DateTimeOffset?)after.At, (NotePriority)after.Priority, after.Id);
                Query.Where(t => t.Deadline > deadline
                    || (t.Deadline == deadline && EF.Functions.LessThan(ValueTuple.Create(t.Priority, t.Id), ValueTuple.Create(priority, id))));
            }
        }

        Query.Take(limit + 1);
    }
}

/// <summary>The position after a task in a view: the view's keys (deadline or done time, priority, id); it names its view.</summary>
internal sealed record TaskViewPosition(TaskView View, DateTimeOffset At, short Priority, Guid Id)
{
    /// <summary>In UTC whatever offset a cursor carries: PostgreSQL takes only UTC for timestamptz.</summary>
    public DateTimeOffset At { get; init; } = At.ToUniversalTime();

    public static TaskViewPosition After(TaskView view, TaskDto task) =>
        new(view, (view == TaskView.Done ? task.DoneAt : task.Deadline) ?? DateTimeOffset.MinValue, (short)task.Priority, task.Id);
}

internal static class TaskViews
{
    public static ISpecificationBuilder<NoteTask> InView(this ISpecificationBuilder<NoteTask> query, TaskView view, DateTimeOffset? from, DateTimeOffset? to)
    {
        query.Where(t => !t.IsDeleted && !t.Note!.IsDeleted);
        if (view == TaskView.Done)
        {
            return query.Where(t => t.IsDone);
        }

        query.Where(t => !t.IsDone);
        query.Where(t => t.Deadline >= from, from is not null);
        query.Where(t => t.Deadline < to, to is not null);
        return query;
    }
}
