using System.Text.Json;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace VoiceNote.Modules.Notes.Application.Tasks.UpdateTask;

/// <summary>A partial update of a task (absent: kept, null: cleared). Done-ness changes through complete/reopen.</summary>
/// <remarks>With <paramref name="IfMatch"/> (the task's ETag) the change applies only to that version; otherwise 412.</remarks>
[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record UpdateTask(Guid Id, Sent<TaskFields> Body, string? IfMatch = null) : ICommand<TaskDto>, ITaskFieldsCommand;

internal sealed class UpdateTaskValidator() : TaskFieldsValidator<UpdateTask>(creating: false);

internal sealed class UpdateTaskHandler(NotesDbContext db, RepresentationTags tags, TimeProvider clock) : ICommandHandler<UpdateTask, TaskDto>
{
    public async Task<Result<TaskDto>> Handle(UpdateTask request, CancellationToken cancellationToken)
    {
        await db.LockTaskNoteAsync(request.Id, cancellationToken);
        var task = await db.FindTaskAsync(request.Id, cancellationToken);
        if (task is null)
        {
            return NotesErrors.TaskNotFound;
        }

        if (task.Note!.IsDeleted)
        {
            return NotesErrors.NoteInTrash;
        }

        if (tags.Check(request.IfMatch, task) is { } stale)
        {
            return stale;
        }

        NoteWriter.Apply(task, request.Body, clock.NowForDatabase());
        return TaskDto.From(task);
    }
}

internal sealed class UpdateTaskEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPatch("/tasks/{id}", (Guid id, JsonElement body, IOptions<JsonOptions> json, HttpContext http, ISender sender, CancellationToken ct) =>
                NoteEndpoints.WithBody(TaskFields.Body, body, json, sent => sender.Send(new UpdateTask(id, sent, http.IfMatch()), ct), http))
            .RequireScope(ApiScopes.NotesWrite)
            .Accepts<TaskFields>("application/merge-patch+json", "application/json")
            .WithTags("Tasks")
            .WithName("updateTask").Produces<TaskDto>().ProducesProblem(409).ProducesProblem(412)
            .WithSummary("Change some fields of a task");
}
