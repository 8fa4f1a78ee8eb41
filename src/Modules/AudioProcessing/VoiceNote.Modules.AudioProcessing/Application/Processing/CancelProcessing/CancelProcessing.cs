using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.CancelProcessing;

/// <summary>Cancels the processing of one of the caller's recordings: a queued job at once, a running one at its next heartbeat.</summary>
[Requires(Scope = ApiScopes.AudioWrite)]
internal sealed record CancelProcessing(Guid AudioId) : ICommand<ProcessingStatusDto>;

internal sealed class CancelProcessingHandler(AudioProcessingDbContext db, JobQueue<AudioProcessingDbContext> jobs)
    : ICommandHandler<CancelProcessing, ProcessingStatusDto>
{
    public async Task<Result<ProcessingStatusDto>> Handle(CancelProcessing request, CancellationToken cancellationToken)
    {
        var recording = await db.AudioFiles.WithSpecification(new ProcessingOfRecording(request.AudioId)).FirstOrDefaultAsync(cancellationToken);
        if (recording is null)
        {
            return AudioErrors.NotFound;
        }

        if (recording.ProcessingJobId is not { } jobId || !await jobs.CancelAsync(jobId, cancellationToken))
        {
            return AudioErrors.ProcessingFinished;
        }

        return await db.ProcessingStatusAsync(request.AudioId, cancellationToken);
    }
}

internal sealed class CancelProcessingEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/audio/{id}/processing/cancel", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new CancelProcessing(id), ct)).ToHttp(s => TypedResults.Accepted($"/api/v1/audio/{id}/processing", s)))
            .RequireScope(ApiScopes.AudioWrite).WithTags("Audio processing")
            .WithName("cancelProcessing").Produces<ProcessingStatusDto>(StatusCodes.Status202Accepted).ProducesProblem(409)
            .WithSummary("Cancel the recording's processing (a running job stops at its next heartbeat)");
}
