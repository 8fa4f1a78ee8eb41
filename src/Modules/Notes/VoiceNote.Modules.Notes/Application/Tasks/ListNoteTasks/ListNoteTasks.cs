using FluentValidation;
using Mapster;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Tasks.ListNoteTasks;

/// <summary>A note's tasks in their order, keyset-paged; deleted ones only when asked (to offer a restore).</summary>
[Requires(Scope = ApiScopes.NotesRead)]
internal sealed record ListNoteTasks(Guid NoteId, bool IncludeDeleted, PageQuery Page) : IQuery<Page<TaskDto>>
{
    /// <summary>A checklist is read whole more often than not: a page holds the most a page may, unless asked for fewer.</summary>
    public const int DefaultLimit = PageQuery.MaxLimit;
}

internal sealed class ListNoteTasksValidator : AbstractValidator<ListNoteTasks>
{
    public ListNoteTasksValidator() => RuleFor(q => q.Page).ValidPage();
}

internal sealed class ListNoteTasksHandler(NotesDbContext db) : IQueryHandler<ListNoteTasks, Page<TaskDto>>
{
    public async Task<Result<Page<TaskDto>>> Handle(ListNoteTasks request, CancellationToken cancellationToken)
    {
        if (!await db.Notes.WithSpecification(new NoteById(request.NoteId)).AnyAsync(cancellationToken))
        {
            return NotesErrors.NoteNotFound;
        }

        if (!KeysetCursor.TryDecode(request.Page.Cursor, out TaskPosition? after))
        {
            return KeysetCursor.Invalid;
        }

        var rows = await db.Tasks.WithSpecification(new TasksOfNotePage(request.NoteId, request.IncludeDeleted, after, request.Page.Limit))
            .ProjectToType<TaskDto>(NotesMappings.Config)
            .ToListAsync(cancellationToken);
        long? total = request.Page.CountsTotal
            ? await db.Tasks.WithSpecification(new TasksOfNote(request.NoteId, request.IncludeDeleted)).LongCountAsync(cancellationToken)
            : null;
        return KeysetPage.From(rows, request.Page.Limit, last => KeysetCursor.Encode(new TaskPosition(last.Position, last.CreatedAt, last.Id)), total);
    }
}

internal sealed class ListNoteTasksEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/notes/{noteId}/tasks", async (Guid noteId, bool? includeDeleted, [AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListNoteTasks(noteId, includeDeleted ?? false, paging.ToQuery(ListNoteTasks.DefaultLimit)), ct)).ToPagedOk(http))
            .RequireScope(ApiScopes.NotesRead).WithTags("Tasks")
            .WithName("listNoteTasks").Produces<Page<TaskDto>>().WithSummary("A note's tasks, in order, cursor-paged (limit, cursor; 100 per page by default)");
}
