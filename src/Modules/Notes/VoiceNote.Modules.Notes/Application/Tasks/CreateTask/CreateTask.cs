using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Idempotency;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace VoiceNote.Modules.Notes.Application.Tasks.CreateTask;

/// <summary>
/// Adds a task to one of the caller's notes; without a position it goes to the end of the list. Sent
/// again with the same Idempotency-Key, note and body, it answers the task the first request made (ADR 0067).
/// </summary>
[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record CreateTask(Guid NoteId, Sent<TaskFields> Body, IdempotentRequest? Idempotency = null) : ICommand<Creation<TaskDto>>, ITaskFieldsCommand;

internal sealed class CreateTaskValidator() : TaskFieldsValidator<CreateTask>(creating: true);

internal sealed class CreateTaskHandler(NotesDbContext db, ICurrentUser caller, TimeProvider clock) : ICommandHandler<CreateTask, Creation<TaskDto>>
{
    public Task<Result<Creation<TaskDto>>> Handle(CreateTask request, CancellationToken cancellationToken) =>
        IdempotentCreate.RunAsync(
            db,
            request.Idempotency,
            (key, ct) => db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.OwnerId == caller.Id && t.IdempotencyKey == key, ct),
            ct => CreateAsync(request, ct),
            (task, _, _) => Task.FromResult(TaskDto.From(task)),
            cancellationToken);

    private async Task<Result<NoteTask>> CreateAsync(CreateTask request, CancellationToken cancellationToken)
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
        return task;
    }
}

internal sealed class CreateTaskEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/notes/{noteId}/tasks", async (Guid noteId, JsonElement body, [FromHeader(Name = IdempotentAnswers.Header)] string? idempotencyKey, IOptions<JsonOptions> json, ISender sender, CancellationToken ct) =>
            {
                // The note is part of what the key names: the same body for another note is another request.
                var idempotency = IdempotentAnswers.Read(idempotencyKey, new { noteId, body });
                if (idempotency.IsFailure)
                {
                    return ProblemResults.From(idempotency.Error);
                }

                return await NoteEndpoints.WithBody(TaskFields.Body, body, json, sent => sender.Send(new CreateTask(noteId, sent, idempotency.Value), ct),
                    created => IdempotentAnswers.Answer(created, task => $"/api/v1/tasks/{task.Id}"));
            })
            .RequireScope(ApiScopes.NotesWrite)
            .Accepts<TaskFields>("application/json")
            .WithTags("Tasks")
            .WithName("createTask").Produces<TaskDto>(StatusCodes.Status201Created)
            .Produces<TaskDto>().ProducesProblem(409).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Add a task to a note; the same Idempotency-Key and body again answer 200 with that task");
}
