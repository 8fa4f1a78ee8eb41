using FluentValidation;
using VoiceNote.Application.Jobs;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.Modules.Operations.Application.Jobs.ListDeadJobs;

/// <summary>
/// The dead letters: jobs that failed for good (attempts used up, or a failure no retry mends), newest first, each with the
/// reason of its last failure. They stay until the finished-job retention deletes them, or an operator retries them.
/// </summary>
[Requires(Permission = AdminPermissions.CanModifySystemSettings)]
internal sealed record ListDeadJobs(string? Queue, string? Kind, PageQuery Page) : IQuery<Page<OperatorJobDto>>;

internal sealed class ListDeadJobsValidator : AbstractValidator<ListDeadJobs>
{
    public ListDeadJobsValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.Kind).MaximumLength(64);
    }
}

internal sealed class ListDeadJobsHandler(JobQueues queues) : IQueryHandler<ListDeadJobs, Page<OperatorJobDto>>
{
    public Task<Result<Page<OperatorJobDto>>> Handle(ListDeadJobs request, CancellationToken cancellationToken) =>
        queues.PageAsync(request.Queue, request.Kind, JobStatus.Failed, null, null, request.Page, cancellationToken);
}

internal sealed class ListDeadJobsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/jobs/dead-letters", async (
                [AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct, string? queue = null, string? kind = null) =>
                (await sender.Send(new ListDeadJobs(queue, kind, paging.ToQuery()), ct)).ToPagedOk(http))
            .RequirePermission(AdminPermissions.CanModifySystemSettings).WithTags("Admin")
            .WithName("listDeadJobs").Produces<Page<OperatorJobDto>>()
            .WithSummary("Jobs that failed for good, with the reason, cursor-paged (limit, cursor)");
}
