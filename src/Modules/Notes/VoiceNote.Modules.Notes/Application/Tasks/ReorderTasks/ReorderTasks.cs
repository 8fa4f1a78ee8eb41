using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Tasks.ReorderTasks;

/// <summary>
/// Puts a note's (not deleted) tasks in the order given. The list must name each of them exactly once,
/// so a client working from a stale list is told so instead of losing a task's place.
/// </summary>
[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record ReorderTasks(Guid NoteId, IReadOnlyList<Guid> TaskIds) : ICommand<IReadOnlyList<TaskDto>>;

internal sealed record ReorderBody([Required] List<Guid>? TaskIds);

internal sealed class ReorderTasksValidator : AbstractValidator<ReorderTasks>
{
    public ReorderTasksValidator() =>
        RuleFor(r => r.TaskIds).NotNull().Must(ids => ids.Count <= NoteLimits.TasksPerNote && ids.Distinct().Count() == ids.Count)
            .WithMessage("Name each task once.");
}

internal sealed class ReorderTasksHandler(NotesDbContext db, TimeProvider clock) : ICommandHandler<ReorderTasks, IReadOnlyList<TaskDto>>
{
    public async Task<Result<IReadOnlyList<TaskDto>>> Handle(ReorderTasks request, CancellationToken cancellationToken)
    {
        var note = await db.FindNoteAsync(request.NoteId, cancellationToken);
        if (note is null)
        {
            return NotesErrors.NoteNotFound;
        }

        if (note.IsDeleted)
        {
            return NotesErrors.NoteInTrash;
        }

        var tasks = await db.Tasks.Where(t => t.NoteId == note.Id && !t.IsDeleted).ToListAsync(cancellationToken);
        if (!tasks.Select(t => t.Id).ToHashSet().SetEquals(request.TaskIds))
        {
            return ValidationError.For("taskIds", "List every task of the note that is not deleted, each once.");
        }

        var now = clock.NowForDatabase();
        var byId = tasks.ToDictionary(t => t.Id);
        for (var i = 0; i < request.TaskIds.Count; i++)
        {
            var task = byId[request.TaskIds[i]];
            if (task.Position != i)
            {
                task.Position = i;
                task.Touch(now);
            }
        }

        return request.TaskIds.Select(id => TaskDto.From(byId[id])).ToList();
    }
}

internal sealed class ReorderTasksEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPut("/notes/{noteId}/tasks/order", async (Guid noteId, ReorderBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ReorderTasks(noteId, body.TaskIds ?? []), ct)).ToOk())
            .RequireScope(ApiScopes.NotesWrite).WithTags("Tasks")
            .WithName("reorderTasks").Produces<IReadOnlyList<TaskDto>>().ProducesProblem(409).WithSummary("Put a note's tasks in a new order");
}
