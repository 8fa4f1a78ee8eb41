using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Tasks.DeleteTask;

/// <summary>Soft-deletes a task (<see cref="Deleted"/> true) or restores it; idempotent both ways.</summary>
[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record DeleteTask(Guid Id, bool Deleted) : ICommand;

internal sealed class DeleteTaskHandler(NotesDbContext db, TimeProvider clock) : ICommandHandler<DeleteTask>
{
    public async Task<Result> Handle(DeleteTask request, CancellationToken cancellationToken)
    {
        var task = await db.FindTaskAsync(request.Id, cancellationToken);
        if (task is null)
        {
            return NotesErrors.TaskNotFound;
        }

        var now = clock.NowForDatabase();
        if (request.Deleted)
        {
            task.SoftDelete(now);
        }
        else
        {
            task.Restore(now);
        }

        return Result.Success();
    }
}

internal sealed class DeleteTaskEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        routes.V1.MapDelete("/tasks/{id}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new DeleteTask(id, true), ct)).ToNoContent())
            .RequireScope(ApiScopes.NotesWrite).WithTags("Tasks")
            .WithName("deleteTask").Produces(StatusCodes.Status204NoContent).WithSummary("Delete a task (restorable)");
        routes.V1.MapPost("/tasks/{id}/restore", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new DeleteTask(id, false), ct)).ToNoContent())
            .RequireScope(ApiScopes.NotesWrite).WithTags("Tasks")
            .WithName("restoreTask").Produces(StatusCodes.Status204NoContent).WithSummary("Restore a deleted task");
    }
}
