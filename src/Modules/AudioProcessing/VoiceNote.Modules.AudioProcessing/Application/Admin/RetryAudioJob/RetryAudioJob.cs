using Mapster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Admin.RetryAudioJob;

/// <summary>An operator's retry of a failed or cancelled job: pending again with fresh attempts; the stages its earlier runs saved are reused.</summary>
[Requires(Permission = AdminPermissions.CanModifySystemSettings)]
internal sealed record RetryAudioJob(Guid Id) : ICommand<AdminJobDto>;

internal sealed class RetryAudioJobHandler(AudioProcessingDbContext db, JobQueue<AudioProcessingDbContext> queue) : ICommandHandler<RetryAudioJob, AdminJobDto>
{
    public async Task<Result<AdminJobDto>> Handle(RetryAudioJob request, CancellationToken cancellationToken)
    {
        if (!await db.Jobs.WithSpecification(new JobById(request.Id)).AnyAsync(cancellationToken))
        {
            return AudioErrors.JobNotFound;
        }

        if (!await queue.RetryAsync(request.Id, cancellationToken))
        {
            return AudioErrors.JobNotRetryable;
        }

        return await db.Jobs.WithSpecification(new JobById(request.Id)).ProjectToType<AdminJobDto>(AudioMappings.Config).FirstAsync(cancellationToken);
    }
}

internal sealed class RetryAudioJobEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapPost("/audio/jobs/{id}/retry", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new RetryAudioJob(id), ct)).ToOk())
            .RequirePermission(AdminPermissions.CanModifySystemSettings).WithTags("Admin")
            .WithName("retryAudioJob").Produces<AdminJobDto>().ProducesProblem(409)
            .WithSummary("Retry a failed or cancelled processing job with fresh attempts");
}
