using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing;

/// <summary>The read the processing use cases share: where one of the caller's recordings is in its processing.</summary>
internal static class ProcessingQueries
{
    /// <summary>The recording's latest job as its status; another user's recording is not found.</summary>
    public static async Task<Result<ProcessingStatusDto>> ProcessingStatusAsync(this AudioProcessingDbContext db, Guid audioId, CancellationToken cancellationToken)
    {
        var recording = await db.AudioFiles.WithSpecification(new ProcessingOfRecording(audioId)).FirstOrDefaultAsync(cancellationToken);
        if (recording is null)
        {
            return AudioErrors.NotFound;
        }

        var job = recording.ProcessingJobId is { } jobId
            ? await db.Jobs.WithSpecification(new JobById(jobId)).FirstOrDefaultAsync(cancellationToken)
            : null;
        EngineUseDto? transcription = null, analysis = null;
        if (recording.ProcessingJobId is { } latest)
        {
            // Each job saves at most one of each (unique on the job id); both stay after the job row is purged.
            transcription = await db.Transcripts.Where(t => t.JobId == latest)
                .Select(t => new { t.Engine, t.FallbackFrom, t.FallbackReason }).FirstOrDefaultAsync(cancellationToken) is { } t
                ? new EngineUseDto(ApiNames.UpperSnake(t.Engine), EngineFallbackDto.Of(ApiNames.UpperSnakeOrNull(t.FallbackFrom), t.FallbackReason))
                : null;
            analysis = await db.Analyses.Where(a => a.JobId == latest)
                .Select(a => new { a.Engine, a.FallbackFrom, a.FallbackReason }).FirstOrDefaultAsync(cancellationToken) is { } a
                ? new EngineUseDto(a.Engine, EngineFallbackDto.Of(a.FallbackFrom, a.FallbackReason))
                : null;
        }

        return ProcessingStatusDto.From(recording, job, transcription, analysis);
    }
}
