using Mapster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Jobs;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Admin.ListAudioJobs;

/// <summary>The audio processing jobs of every user, most recently changed first, optionally of one status; page and size brought into range.</summary>
[Requires(Permission = AdminPermissions.CanModifySystemSettings)]
internal sealed record ListAudioJobs(JobStatus? Status, int Page, int Size) : IQuery<AdminJobPage>;

internal sealed record AdminJobPage(IReadOnlyList<AdminJobDto> Items, int Page, int Size, long Total);

internal sealed class ListAudioJobsHandler(AudioProcessingDbContext db) : IQueryHandler<ListAudioJobs, AdminJobPage>
{
    public const int MaxPageSize = 100;

    public async Task<Result<AdminJobPage>> Handle(ListAudioJobs request, CancellationToken cancellationToken)
    {
        var page = Math.Max(request.Page, 1);
        var size = Math.Clamp(request.Size, 1, MaxPageSize);
        var total = await db.Jobs.WithSpecification(new AllAudioJobs(request.Status)).LongCountAsync(cancellationToken);
        var jobs = await db.Jobs.WithSpecification(new AllAudioJobsPage(request.Status, (page - 1) * size, size))
            .ProjectToType<AdminJobDto>(AudioMappings.Config)
            .ToListAsync(cancellationToken);
        return new AdminJobPage(jobs, page, size, total);
    }
}

internal sealed class ListAudioJobsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/audio/jobs", async (ISender sender, CancellationToken ct, string? status = null, int page = 1, int size = 20) =>
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

                return (await sender.Send(new ListAudioJobs(parsed, page, size), ct)).ToOk();
            })
            .RequirePermission(AdminPermissions.CanModifySystemSettings).WithTags("Admin")
            .WithName("listAudioJobs").Produces<AdminJobPage>().WithSummary("Audio processing jobs of every user, by status");
}
