using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using Microsoft.Extensions.Options;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Modules.AudioProcessing.Application.Library;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.GetProcessingStatus;

/// <summary>
/// Where one of the caller's recordings is in its processing: status, stage, progress, attempts, error.
/// Given the status a follower already has (<see cref="Known"/>), it answers when the job's row changes
/// (a database notification, <see cref="JobChanges"/>), or after <c>Audio:ProgressCheckInterval</c> at
/// the latest — so a progress stream reads on change, not on a timer.
/// </summary>
[Requires(Scope = ApiScopes.AudioRead)]
internal sealed record GetProcessingStatus(Guid AudioId, ProcessingStatusDto? Known = null) : IQuery<ProcessingStatusDto>;

internal sealed class GetProcessingStatusHandler(AudioProcessingDbContext db, JobChanges changes, IOptionsMonitor<AudioOptions> options)
    : IQueryHandler<GetProcessingStatus, ProcessingStatusDto>
{
    public async Task<Result<ProcessingStatusDto>> Handle(GetProcessingStatus request, CancellationToken cancellationToken)
    {
        if (request.Known is not { } known)
        {
            return await db.ProcessingStatusAsync(request.AudioId, cancellationToken);
        }

        // Taken before the read: a change between the read and the wait still wakes it. Without a job
        // there is nothing to be told about, and the check interval decides.
        var change = known.JobId is { } jobId ? changes.NextChangeOf(jobId) : Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        var now = await db.ProcessingStatusAsync(request.AudioId, cancellationToken);
        if (now.IsFailure || now.Value != known)
        {
            return now;
        }

        await change.WaitAsync(options.CurrentValue.ProgressCheckInterval, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
        return await db.ProcessingStatusAsync(request.AudioId, cancellationToken);
    }
}

internal sealed class GetProcessingStatusEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/audio/{id}/processing", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetProcessingStatus(id), ct)).ToOk())
            .RequireScope(ApiScopes.AudioRead).WithTags("Audio processing")
            .WithName("getProcessingStatus").Produces<ProcessingStatusDto>()
            .WithSummary("The recording's processing: status, stage, progress, attempts, error");
}
