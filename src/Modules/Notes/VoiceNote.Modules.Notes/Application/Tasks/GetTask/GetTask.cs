using Mapster;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Tasks.GetTask;

[Requires(Scope = ApiScopes.NotesRead)]
internal sealed record GetTask(Guid Id) : IQuery<TaskDto>;

internal sealed class GetTaskHandler(NotesDbContext db) : IQueryHandler<GetTask, TaskDto>
{
    public async Task<Result<TaskDto>> Handle(GetTask request, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.WithSpecification(new TaskById(request.Id)).ProjectToType<TaskDto>(NotesMappings.Config).FirstOrDefaultAsync(cancellationToken);
        return task is null ? NotesErrors.TaskNotFound : task;
    }
}

internal sealed class GetTaskEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/tasks/{id}", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) => (await sender.Send(new GetTask(id), ct)).ToTaggedOk(http))
            .RequireScope(ApiScopes.NotesRead).WithTags("Tasks")
            .WithName("getTask").Produces<TaskDto>().Produces(StatusCodes.Status304NotModified).WithSummary("One task");
}
