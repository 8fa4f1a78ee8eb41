using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing;

/// <summary>The read the processing use cases share: where one of the caller's recordings is in its processing.</summary>
internal static class ProcessingQueries
{
    /// <summary>The recording's latest job as its status; another user's recording is not found.</summary>
    public static async Task<Result<ProcessingStatusDto>> ProcessingStatusAsync(this AudioProcessingDbContext db, Guid audioId, CancellationToken cancellationToken)
    {
        var file = await db.AudioFiles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == audioId, cancellationToken);
        if (file is null)
        {
            return AudioErrors.NotFound;
        }

        var job = file.ProcessingJobId is { } jobId
            ? await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken)
            : null;
        return ProcessingStatusDto.From(file, job);
    }
}
