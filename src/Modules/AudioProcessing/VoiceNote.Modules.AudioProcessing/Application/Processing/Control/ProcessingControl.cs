using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Jobs;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Modules.AudioProcessing.Application.Library;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Status;
using VoiceNote.Modules.AudioProcessing.Speech;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Control;

/// <summary>The owner's controls over a recording's processing: cancel it, or run it again (e.g. with another engine).</summary>
internal sealed class ProcessingControl(
    AudioDbContext db, JobQueue<AudioDbContext> jobs, ISpeechEngines engines, ProcessingStatusReader status, TimeProvider clock)
{
    public static readonly Error AlreadyFinished = Error.Conflict("audio.processing_finished", "The processing has already finished; there is nothing to cancel.");
    public static readonly Error StillRunning = Error.Conflict("audio.processing_in_progress", "The recording is being processed; cancel that first or wait for it to finish.");

    /// <summary>A queued job is cancelled at once; a running one stops at its next heartbeat.</summary>
    public async Task<Result<ProcessingStatusDto>> CancelAsync(Guid audioId, CancellationToken cancellationToken)
    {
        var file = await db.AudioFiles.FirstOrDefaultAsync(a => a.Id == audioId, cancellationToken);
        if (file is null)
        {
            return AudioErrors.NotFound;
        }

        if (file.ProcessingJobId is not { } jobId || !await jobs.CancelAsync(jobId, cancellationToken))
        {
            return AlreadyFinished;
        }

        return await status.ReadAsync(audioId, cancellationToken);
    }

    /// <summary>Queues a new job; its transcript becomes the next version and Notes gets the new result.</summary>
    public async Task<Result<ProcessingStatusDto>> ReprocessAsync(Guid audioId, string? engineName, CancellationToken cancellationToken)
    {
        if (!SpeechEngineNames.TryParse(engineName, out var engine))
        {
            return AudioErrors.InvalidField("engine", $"The engine is one of: {SpeechEngineNames.All}.");
        }

        var file = await db.AudioFiles.FirstOrDefaultAsync(a => a.Id == audioId, cancellationToken);
        if (file is null)
        {
            return AudioErrors.NotFound;
        }

        if (file.ProcessingJobId is { } jobId
            && await db.Jobs.AnyAsync(j => j.Id == jobId && (j.Status == JobStatus.Pending || j.Status == JobStatus.Processing), cancellationToken))
        {
            return StillRunning;
        }

        if (engine is not (SpeechEngineChoice.Auto or SpeechEngineChoice.Local)
            && await engines.ForOwnerAsync(file.OwnerId, engine, cancellationToken) is { IsFailure: true } unusable)
        {
            return unusable.Error;
        }

        ProcessRecording.Enqueue(jobs, db, file, engine, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await status.ReadAsync(audioId, cancellationToken);
    }
}
