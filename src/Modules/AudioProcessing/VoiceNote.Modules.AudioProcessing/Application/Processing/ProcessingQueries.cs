using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Results;
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
        return ProcessingStatusDto.From(recording, job);
    }
}
