using Ardalis.Specification;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Application.Tasks.MyTasks;

/// <summary>
/// The caller's tasks of one view, leaving out deleted tasks and those of notes in the trash: open tasks
/// due in [<c>from</c>, <c>to</c>) by deadline (then priority), or done tasks by when they were done.
/// The partial indexes <c>ix_tasks_owner_open_deadline</c> and <c>ix_tasks_owner_done</c> serve both orders.
/// </summary>
internal sealed class TasksInView : Specification<NoteTask>
{
    public TasksInView(TaskView view, DateTimeOffset? from, DateTimeOffset? to, int limit)
    {
        Query.Where(t => !t.IsDeleted && !t.Note!.IsDeleted);
        if (view == TaskView.Done)
        {
            Query.Where(t => t.IsDone);
            Query.OrderByDescending(t => t.DoneAt).ThenByDescending(t => t.Id);
        }
        else
        {
            Query.Where(t => !t.IsDone);
            Query.Where(t => t.Deadline >= from, from is not null);
            Query.Where(t => t.Deadline < to, to is not null);
            Query.OrderBy(t => t.Deadline).ThenByDescending(t => t.Priority).ThenBy(t => t.Id);
        }

        Query.Take(limit);
    }
}
