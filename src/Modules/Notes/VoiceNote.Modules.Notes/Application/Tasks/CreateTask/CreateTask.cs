using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace VoiceNote.Modules.Notes.Application.Tasks.CreateTask;

/// <summary>Adds a task to one of the caller's notes; without a position it goes to the end of the list.</summary>
[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record CreateTask(Guid NoteId, Sent<TaskFields> Body) : ICommand<TaskDto>, ITaskFieldsCommand;

internal sealed class CreateTaskValidator() : TaskFieldsValidator<CreateTask>(creating: true);

internal sealed class CreateTaskHandler(NotesDbContext db, TimeProvider clock) : ICommandHandler<CreateTask, TaskDto>
{
    public async Task<Result<TaskDto>> Handle(CreateTask request, CancellationToken cancellationToken)
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

        var existing = await db.Tasks.Where(t => t.NoteId == note.Id)
            .GroupBy(t => t.NoteId)
            .Select(g => new { Count = g.Count(), Last = g.Max(t => t.Position) })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing?.Count >= NoteLimits.TasksPerNote)
        {
            return NotesErrors.TooManyTasks;
        }

        var now = clock.NowForDatabase();
        var task = NoteTask.Create(note, request.Body.Value.Description!.Trim(), existing is null ? 0 : existing.Last + 1, now);
        NoteWriter.Apply(task, request.Body, now);
        db.Tasks.Add(task);
        note.Touch(now);
        return TaskDto.From(task);
    }
}

internal sealed class CreateTaskEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/notes/{noteId}/tasks", (Guid noteId, JsonElement body, IOptions<JsonOptions> json, ISender sender, CancellationToken ct) =>
                NoteEndpoints.WithBody(TaskFields.Body, body, json, sent => sender.Send(new CreateTask(noteId, sent), ct),
                    task => TypedResults.Created($"/api/v1/tasks/{task.Id}", task)))
            .RequireScope(ApiScopes.NotesWrite)
            .Accepts<TaskFields>("application/json")
            .WithTags("Tasks")
            .WithName("createTask").Produces<TaskDto>(StatusCodes.Status201Created).ProducesProblem(409)
            .WithSummary("Add a task to a note");
}
