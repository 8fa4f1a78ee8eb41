using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Tasks.CompleteTask;

/// <summary>Marks a task done (<see cref="Done"/> true) or open again; idempotent both ways.</summary>
[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record CompleteTask(Guid Id, bool Done) : ICommand<TaskDto>;

internal sealed class CompleteTaskHandler(NotesDbContext db, TimeProvider clock) : ICommandHandler<CompleteTask, TaskDto>
{
    public async Task<Result<TaskDto>> Handle(CompleteTask request, CancellationToken cancellationToken)
    {
        var task = await db.FindTaskAsync(request.Id, cancellationToken);
        if (task is null)
        {
            return NotesErrors.TaskNotFound;
        }

        if (task.Note!.IsDeleted)
        {
            return NotesErrors.NoteInTrash;
        }

        var now = clock.NowForDatabase();
        if (request.Done)
        {
            task.Complete(now);
        }
        else
        {
            task.Reopen(now);
        }

        return TaskDto.From(task);
    }
}

internal sealed class CompleteTaskEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        routes.V1.MapPost("/tasks/{id}/complete", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new CompleteTask(id, true), ct)).ToOk())
            .RequireScope(ApiScopes.NotesWrite).WithTags("Tasks")
            .WithName("completeTask").Produces<TaskDto>().ProducesProblem(409).WithSummary("Mark a task done");
        routes.V1.MapPost("/tasks/{id}/reopen", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new CompleteTask(id, false), ct)).ToOk())
            .RequireScope(ApiScopes.NotesWrite).WithTags("Tasks")
            .WithName("reopenTask").Produces<TaskDto>().ProducesProblem(409).WithSummary("Open a done task again");
    }
}
