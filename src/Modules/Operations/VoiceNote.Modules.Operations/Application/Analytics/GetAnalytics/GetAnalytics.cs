using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Contracts.Statistics;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Exports.Contracts;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Notes.Contracts;

namespace VoiceNote.Modules.Operations.Application.Analytics.GetAnalytics;

/// <summary>
/// The operators' analytics over a range of UTC days (docs/decisions/0087). Each module answers for its own figures
/// through its contract, from its rolled-up counts; this composes them.
/// </summary>
[Requires(Permission = AdminPermissions.CanViewAnalytics)]
internal sealed record GetAnalytics(DateOnly? From, DateOnly? To) : IQuery<AnalyticsDto>;

internal sealed class GetAnalyticsHandler(
    IUserStatistics users,
    INotesStatistics notes,
    IAudioStatistics audio,
    IExportStatistics exports,
    TimeProvider clock) : IQueryHandler<GetAnalytics, AnalyticsDto>
{
    /// <summary>How many failure reasons the page lists, over every module.</summary>
    public const int TopFailureReasons = 10;

    private const string AudioModule = "audio";
    private const string ExportsModule = "exports";

    public async Task<Result<AnalyticsDto>> Handle(GetAnalytics request, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        var range = AnalyticsRange.Resolve(request.From, request.To, DateOnly.FromDateTime(at.UtcDateTime));
        if (range.IsFailure)
        {
            return range.Error;
        }

        var (from, to) = range.Value;
        var u = await users.GetAsync(from, to, cancellationToken);
        var n = await notes.GetAsync(from, to, cancellationToken);
        var a = await audio.GetAsync(from, to, TopFailureReasons, cancellationToken);
        var e = await exports.GetAsync(from, to, TopFailureReasons, cancellationToken);

        return new AnalyticsDto(
            from,
            to,
            at,
            new UserFigures(u.Total, u.ActiveLastDay, u.ActiveLast7Days, u.ActiveLast30Days, Sum(u.NewPerDay), u.NewPerDay),
            new NoteFigures(n.Notes, n.NotesInTrash, Sum(n.NotesCreatedPerDay), n.NotesCreatedPerDay),
            new TaskFigures(n.Tasks, Sum(n.TasksCreatedPerDay), n.TasksCreatedPerDay),
            new AudioFigures(
                a.Recordings,
                Hours(a.UploadedMilliseconds),
                Hours(a.ProcessedMilliseconds),
                Hours(Sum(a.UploadedMillisecondsPerDay)),
                Hours(Sum(a.ProcessedMillisecondsPerDay)),
                a.UploadedMillisecondsPerDay.Select(d => new DailyHours(d.Day, Hours(d.Value))).ToList(),
                a.ProcessedMillisecondsPerDay.Select(d => new DailyHours(d.Day, Hours(d.Value))).ToList()),
            Jobs((AudioModule, a.Jobs), (ExportsModule, e.Jobs)),
            [
                .. a.SpeechEngines.Select(s => new EngineUse("speech", s.Name, s.Value)),
                .. a.AnalysisEngines.Select(s => new EngineUse("analysis", s.Name, s.Value)),
            ],
            [.. a.StorageBytes.Select(s => new StorageArea(s.Name, s.Value)), new StorageArea("exports", e.StorageBytes)],
            new ExportFigures(Sum(e.RequestedPerDay), e.RequestedPerDay, e.RequestedByFormat));
    }

    private static JobFigures Jobs(params (string Module, JobStatistics Jobs)[] modules)
    {
        var completed = modules.Sum(m => m.Jobs.Completed);
        var failed = modules.Sum(m => m.Jobs.Failed);
        return new JobFigures(
            [.. modules.SelectMany(m => m.Jobs.Current.Select(c => new JobState(m.Module, c.Kind, c.Status, c.Stage, c.Count)))],
            completed,
            failed,
            modules.Sum(m => m.Jobs.Cancelled),
            completed + failed == 0 ? null : (double)failed / (completed + failed),
            [
                .. modules.SelectMany(m => m.Jobs.FailureReasons.Select(r => new FailureReason(m.Module, r.Name, r.Value)))
                    .OrderByDescending(r => r.Count).ThenBy(r => r.Module, StringComparer.Ordinal).ThenBy(r => r.Reason, StringComparer.Ordinal)
                    .Take(TopFailureReasons),
            ]);
    }

    private static long Sum(IReadOnlyList<DailyCount> series) => series.Sum(d => d.Value);

    private static double Hours(long milliseconds) => milliseconds / 3_600_000d;
}

internal sealed class GetAnalyticsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/analytics", async (ISender sender, CancellationToken ct, string? from = null, string? to = null) =>
            {
                // Bound as text: a malformed date answers this module's problem, not the framework's (ADR 0061).
                if (!AnalyticsRange.TryParseDay(from, out var first))
                {
                    return ProblemResults.From(OperationsErrors.BadDay("from"));
                }

                if (!AnalyticsRange.TryParseDay(to, out var last))
                {
                    return ProblemResults.From(OperationsErrors.BadDay("to"));
                }

                return (await sender.Send(new GetAnalytics(first, last), ct)).ToOk();
            })
            .RequirePermission(AdminPermissions.CanViewAnalytics).WithTags("Admin")
            .WithName("getAnalytics").Produces<AnalyticsDto>()
            .WithSummary("Operators' figures: users, notes, tasks, audio hours, jobs, engines, storage, exports; daily over from..to (yyyy-MM-dd, UTC, default the last 30 days, at most 366)");
}
