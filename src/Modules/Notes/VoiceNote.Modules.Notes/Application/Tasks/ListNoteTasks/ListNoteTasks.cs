using Mapster;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Tasks.ListNoteTasks;

/// <summary>A note's tasks in their order; deleted ones only when asked (to offer a restore).</summary>
[Requires(Scope = ApiScopes.NotesRead)]
internal sealed record ListNoteTasks(Guid NoteId, bool IncludeDeleted) : IQuery<IReadOnlyList<TaskDto>>;

internal sealed class ListNoteTasksHandler(NotesDbContext db) : IQueryHandler<ListNoteTasks, IReadOnlyList<TaskDto>>
{
    public async Task<Result<IReadOnlyList<TaskDto>>> Handle(ListNoteTasks request, CancellationToken cancellationToken)
    {
        if (!await db.Notes.WithSpecification(new NoteById(request.NoteId)).AnyAsync(cancellationToken))
        {
            return NotesErrors.NoteNotFound;
        }

        return await db.Tasks.WithSpecification(new TasksOfNote(request.NoteId, request.IncludeDeleted))
            .ProjectToType<TaskDto>(NotesMappings.Config)
            .ToListAsync(cancellationToken);
    }
}

internal sealed class ListNoteTasksEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/notes/{noteId}/tasks", async (Guid noteId, bool? includeDeleted, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListNoteTasks(noteId, includeDeleted ?? false), ct)).ToOk())
            .RequireScope(ApiScopes.NotesRead).WithTags("Tasks")
            .WithName("listNoteTasks").Produces<IReadOnlyList<TaskDto>>().WithSummary("A note's tasks, in order");
}
