using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Application.Library;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Status;

/// <summary>Reads the caller's recording's processing status (another user's recording is not found).</summary>
internal sealed class ProcessingStatusReader(AudioDbContext db)
{
    public async Task<Result<ProcessingStatusDto>> ReadAsync(Guid audioId, CancellationToken cancellationToken)
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
