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
[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record UpdateTask(Guid Id, Sent<TaskFields> Body) : ICommand<TaskDto>, ITaskFieldsCommand;

internal sealed class UpdateTaskValidator() : TaskFieldsValidator<UpdateTask>(creating: false);

internal sealed class UpdateTaskHandler(NotesDbContext db, TimeProvider clock) : ICommandHandler<UpdateTask, TaskDto>
{
    public async Task<Result<TaskDto>> Handle(UpdateTask request, CancellationToken cancellationToken)
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

        NoteWriter.Apply(task, request.Body, clock.NowForDatabase());
        return TaskDto.From(task);
    }
}

internal sealed class UpdateTaskEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPatch("/tasks/{id}", (Guid id, JsonElement body, IOptions<JsonOptions> json, ISender sender, CancellationToken ct) =>
                NoteEndpoints.WithBody(TaskFields.Body, body, json, sent => sender.Send(new UpdateTask(id, sent), ct), TypedResults.Ok))
            .RequireScope(ApiScopes.NotesWrite)
            .Accepts<TaskFields>("application/merge-patch+json", "application/json")
            .WithTags("Tasks")
            .WithSummary("Change some fields of a task");
}
