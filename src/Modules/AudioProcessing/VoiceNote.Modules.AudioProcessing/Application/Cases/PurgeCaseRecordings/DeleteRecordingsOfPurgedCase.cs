using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Storage;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.Cases.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Application.Cases.PurgeCaseRecordings;

/// <summary>
/// A case left the trash for good (docs/decisions/0079): the recordings uploaded into it (stored under its folder)
/// go with it, rows first and their files once that commits. Recordings attached to it from their owner's library
/// are not the case's: they stay where they are (the Cases module forgets the attachment). A second delivery finds
/// nothing left to delete.
/// </summary>
internal sealed class DeleteRecordingsOfPurgedCase(AudioProcessingDbContext db, IAudioStorage storage, FileSteps fileSteps, JobQueue<AudioProcessingDbContext> jobs)
    : IIntegrationEventHandler<CasePurged>
{
    public async Task Handle(CasePurged integrationEvent, CancellationToken cancellationToken)
    {
        var stored = await db.AudioFiles.IgnoreQueryFilters([ModuleDbContext.OwnerFilter])
            .Where(a => a.CaseId == integrationEvent.CaseId)
            .ToListAsync(cancellationToken);
        if (stored.Count == 0)
        {
            return;
        }

        db.AudioFiles.RemoveRange(stored);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var file in stored)
        {
            if (file.ProcessingJobId is { } job)
            {
                await jobs.CancelAsync(job, cancellationToken);
            }

            fileSteps.AfterCommit(() =>
            {
                storage.Delete(file.StorageKey);
                storage.DeleteWork(file.Id);
            });
        }
    }
}
