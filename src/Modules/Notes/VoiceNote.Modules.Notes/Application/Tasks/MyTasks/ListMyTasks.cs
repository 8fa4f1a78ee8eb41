using FluentValidation;
using Mapster;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
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

/// <summary>The caller's tasks of one view, read in their time zone and work days (Identity profile). Tasks of notes in the trash are left out.</summary>
[Requires(Scope = ApiScopes.NotesRead)]
internal sealed record ListMyTasks(TaskView View, int Limit = ListMyTasks.DefaultLimit, int WorkDays = ListMyTasks.DefaultWorkDays) : IQuery<MyTasksDto>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int DefaultWorkDays = 5;
}

internal sealed record MyTasksDto(TaskView View, string TimeZone, DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<MyTaskDto> Items);

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
        RuleFor(q => q.Limit).InclusiveBetween(1, ListMyTasks.MaxLimit);
        RuleFor(q => q.WorkDays).InclusiveBetween(1, 30);
    }
}

internal sealed class ListMyTasksHandler(NotesDbContext db, ICurrentUser caller, IIdentityModule identity, TimeProvider clock)
    : IQueryHandler<ListMyTasks, MyTasksDto>
{
    public async Task<Result<MyTasksDto>> Handle(ListMyTasks request, CancellationToken cancellationToken)
    {
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

        var items = await db.Tasks.WithSpecification(new TasksInView(request.View, window.From, window.To, request.Limit))
            .ProjectToType<MyTaskDto>(NotesMappings.Config)
            .ToListAsync(cancellationToken);
        return new MyTasksDto(request.View, calendar.TimeZone, window.From, window.To, items);
    }
}

internal sealed class ListMyTasksEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        foreach (var view in Enum.GetValues<TaskView>())
        {
            var name = view.ToString().ToLowerInvariant();
            routes.V1.MapGet($"/tasks/{name}", async (int? limit, int? workDays, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new ListMyTasks(view, limit ?? ListMyTasks.DefaultLimit, workDays ?? ListMyTasks.DefaultWorkDays), ct)).ToOk())
                .RequireScope(ApiScopes.NotesRead)
                .WithTags("Tasks")
                .WithName($"list{view}Tasks").Produces<MyTasksDto>()
                .WithSummary($"My tasks: {name} (in my time zone and work days)");
        }
    }
}
