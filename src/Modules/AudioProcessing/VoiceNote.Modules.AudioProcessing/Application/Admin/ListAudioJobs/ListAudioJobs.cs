using FluentValidation;
using Mapster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Jobs;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Admin.ListAudioJobs;

/// <summary>The audio processing jobs of every user, most recently changed first, optionally of one status; keyset-paged on (updated_at, id).</summary>
[Requires(Permission = AdminPermissions.CanModifySystemSettings)]
internal sealed record ListAudioJobs(JobStatus? Status, PageQuery Page) : IQuery<Page<AdminJobDto>>;

internal sealed class ListAudioJobsValidator : AbstractValidator<ListAudioJobs>
{
    public ListAudioJobsValidator() => RuleFor(q => q.Page).ValidPage();
}

internal sealed class ListAudioJobsHandler(AudioProcessingDbContext db) : IQueryHandler<ListAudioJobs, Page<AdminJobDto>>
{
    public async Task<Result<Page<AdminJobDto>>> Handle(ListAudioJobs request, CancellationToken cancellationToken)
    {
        if (!KeysetCursor.TryDecode(request.Page.Cursor, out TimePosition? after))
        {
            return KeysetCursor.Invalid;
        }

        var rows = await db.Jobs.WithSpecification(new AllAudioJobsPage(request.Status, after, request.Page.Limit))
            .ProjectToType<AdminJobDto>(AudioMappings.Config)
            .ToListAsync(cancellationToken);
        long? total = request.Page.CountsTotal ? await db.Jobs.WithSpecification(new AllAudioJobs(request.Status)).LongCountAsync(cancellationToken) : null;
        return KeysetPage.From(rows, request.Page.Limit, last => new TimePosition(last.UpdatedAt, last.Id).Encode(), total);
    }
}

internal sealed class ListAudioJobsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/audio/jobs", async ([AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct, string? status = null) =>
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

                return (await sender.Send(new ListAudioJobs(parsed, paging.ToQuery()), ct)).ToPagedOk(http);
            })
            .RequirePermission(AdminPermissions.CanModifySystemSettings).WithTags("Admin")
            .WithName("listAudioJobs").Produces<Page<AdminJobDto>>().WithSummary("Audio processing jobs of every user, by status, cursor-paged (limit, cursor)");
}
