using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;

/// <summary>
/// Queues another run of a recording, for its owner (<c>/audio/{id}/process</c>) or for a case participant
/// (docs/decisions/0079). Refused while a run is unfinished, and, for a remote engine, when <c>startedBy</c>
/// (whose stored keys the run uses) has no usable key: now, not later in the job.
/// </summary>
internal static class RunAgain
{
    public static async Task<Result<JobRecord>> QueueAsync(
        AudioProcessingDbContext db, JobQueue<AudioProcessingDbContext> jobs, ISpeechEngines engines, AudioFile file, SpeechEngineChoice engine,
        UserId startedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (file.ProcessingJobId is { } jobId
            && await db.Jobs.WithSpecification(new UnfinishedJobById(jobId)).AnyAsync(cancellationToken))
        {
            return AudioErrors.ProcessingInProgress;
        }

        if (engine is not (SpeechEngineChoice.Auto or SpeechEngineChoice.Local)
            && await engines.ForOwnerAsync(startedBy, engine, cancellationToken) is { IsFailure: true } unusable)
        {
            return unusable.Error;
        }

        var job = ProcessRecording.Enqueue(jobs, db, file, engine, now, startedBy.Value);
        await db.SaveChangesAsync(cancellationToken);
        return job;
    }
}
