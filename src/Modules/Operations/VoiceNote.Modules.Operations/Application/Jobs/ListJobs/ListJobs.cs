using FluentValidation;
using VoiceNote.Application.Jobs;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Http.Json;

namespace VoiceNote.Modules.Operations.Application.Jobs.ListJobs;

/// <summary>Jobs of every module's queue (or one), newest first, filtered by kind, status and a created range; keyset-paged on (created_at, id).</summary>
[Requires(Permission = AdminPermissions.CanModifySystemSettings)]
internal sealed record ListJobs(string? Queue, string? Kind, JobStatus? Status, DateTimeOffset? CreatedFrom, DateTimeOffset? CreatedTo, PageQuery Page)
    : IQuery<Page<OperatorJobDto>>;

internal sealed class ListJobsValidator : AbstractValidator<ListJobs>
{
    public ListJobsValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.Kind).MaximumLength(64);
        RuleFor(q => q.CreatedTo).GreaterThan(q => q.CreatedFrom).When(q => q.CreatedFrom is not null && q.CreatedTo is not null)
            .WithMessage("createdTo must be after createdFrom.");
    }
}

internal sealed class ListJobsHandler(JobQueues queues) : IQueryHandler<ListJobs, Page<OperatorJobDto>>
{
    public Task<Result<Page<OperatorJobDto>>> Handle(ListJobs request, CancellationToken cancellationToken) =>
        queues.PageAsync(request.Queue, request.Kind, request.Status, request.CreatedFrom, request.CreatedTo, request.Page, cancellationToken);
}

internal sealed class ListJobsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/jobs", async (
                [AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct,
                string? queue = null, string? kind = null, string? status = null, DateTimeOffset? createdFrom = null, DateTimeOffset? createdTo = null) =>
            {
                // Bound as text: the framework's enum binding is case-sensitive and takes numbers (ADR 0061).
                JobStatus? parsed = null;
                if (status is not null)
                {
                    if (!ApiEnum<JobStatus>.TryParse(status, out var known))
                    {
                        return ProblemResults.From(ValidationError.For("status", $"Use one of {string.Join(", ", ApiEnum<JobStatus>.Names)}."));
                    }

                    parsed = known;
                }

                return (await sender.Send(new ListJobs(queue, kind, parsed, createdFrom, createdTo, paging.ToQuery()), ct)).ToPagedOk(http);
            })
            .RequirePermission(AdminPermissions.CanModifySystemSettings).WithTags("Admin")
            .WithName("listJobs").Produces<Page<OperatorJobDto>>()
            .WithSummary("Jobs of every module's queue, by queue, kind, status and created range, cursor-paged (limit, cursor)");
}
