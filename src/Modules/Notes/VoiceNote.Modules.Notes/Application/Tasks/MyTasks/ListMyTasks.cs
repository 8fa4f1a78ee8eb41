using FluentValidation;
using Mapster;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Tasks.MyTasks;

/// <summary>The task views across all of a user's notes.</summary>
internal enum TaskView
{
    /// <summary>Open tasks due on the user's today (local date), whether or not their hour has passed.</summary>
    Today,

    /// <summary>Open tasks due before today began.</summary>
    Overdue,

    /// <summary>Open tasks due after today, up to the end of the Nth next work day.</summary>
    Upcoming,

    /// <summary>Done tasks, most recently done first.</summary>
    Done,
}

/// <summary>
/// The caller's tasks of one view, read in their time zone and work days (Identity profile), keyset-paged.
/// Tasks of notes in the trash are left out.
/// </summary>
[Requires(Scope = ApiScopes.NotesRead)]
internal sealed record ListMyTasks(TaskView View, PageQuery Page, int WorkDays = ListMyTasks.DefaultWorkDays) : IQuery<Page<MyTaskDto>>
{
    /// <summary>The views' page size before they were cursor-paged; kept so a client sees as much as it did.</summary>
    public const int DefaultLimit = 50;
    public const int DefaultWorkDays = 5;
}

internal sealed record MyTaskDto
{
    public required TaskDto Task { get; init; }

    public required string? NoteTitle { get; init; }
}

/// <summary>The task, and its note's title read in the same query.</summary>
internal sealed class MyTaskDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<NoteTask, MyTaskDto>()
        .Map(d => d.Task, t => t)
        .Map(d => d.NoteTitle, t => t.Note!.Title);
}

internal sealed class ListMyTasksValidator : AbstractValidator<ListMyTasks>
{
    public ListMyTasksValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.WorkDays).InclusiveBetween(1, 30);
    }
}

internal sealed class ListMyTasksHandler(NotesDbContext db, ICurrentUser caller, IIdentityModule identity, TimeProvider clock)
    : IQueryHandler<ListMyTasks, Page<MyTaskDto>>
{
    public async Task<Result<Page<MyTaskDto>>> Handle(ListMyTasks request, CancellationToken cancellationToken)
    {
        if (!KeysetCursor.TryDecode(request.Page.Cursor, out TaskViewPosition? after) || (after is not null && after.View != request.View))
        {
            return KeysetCursor.Invalid;
        }

        var user = await identity.GetUserContextAsync(caller.Id, cancellationToken);
        var calendar = new TaskCalendar(user?.TimeZone ?? "UTC", user?.WorkDays ?? [2, 3, 4, 5, 6], clock.GetUtcNow());
        var startOfToday = calendar.StartOf(calendar.Today);
        var startOfTomorrow = calendar.StartOf(calendar.Today.AddDays(1));

        (DateTimeOffset? From, DateTimeOffset? To) window = request.View switch
        {
            TaskView.Today => (startOfToday, startOfTomorrow),
            TaskView.Overdue => (null, startOfToday),
            TaskView.Upcoming => (startOfTomorrow, calendar.EndOfWorkDaysAfterToday(request.WorkDays)),
            _ => (null, null),
        };

        var rows = await db.Tasks.WithSpecification(new TasksInViewPage(request.View, window.From, window.To, after, request.Page.Limit))
            .ProjectToType<MyTaskDto>(NotesMappings.Config)
            .ToListAsync(cancellationToken);
        long? total = request.Page.CountsTotal
            ? await db.Tasks.WithSpecification(new TasksInView(request.View, window.From, window.To)).LongCountAsync(cancellationToken)
            : null;
        return KeysetPage.From(rows, request.Page.Limit, last => KeysetCursor.Encode(TaskViewPosition.After(request.View, last.Task)), total);
    }
}

internal sealed class ListMyTasksEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        foreach (var view in Enum.GetValues<TaskView>())
        {
            var name = view.ToString().ToLowerInvariant();
            routes.V1.MapGet($"/tasks/{name}", async (int? workDays, [AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new ListMyTasks(view, paging.ToQuery(ListMyTasks.DefaultLimit), workDays ?? ListMyTasks.DefaultWorkDays), ct)).ToPagedOk(http))
                .RequireScope(ApiScopes.NotesRead)
                .WithTags("Tasks")
                .WithName($"list{view}Tasks").Produces<Page<MyTaskDto>>()
                .WithSummary($"My tasks: {name} (in my time zone and work days)");
        }
    }
}
