using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Outbox;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Storage;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.PurgeUsersRecordings;

/// <summary>
/// A purged account's recordings go (ADR 0085): its library's rows (transcripts and analyses with them) and jobs, the
/// texts of its notes kept for analysis, then its folders once that commits. A recording it uploaded into a case is
/// the case's (ADR 0079) and stays, owned by nobody (<see cref="Guid.Empty"/>) and gone with the case when that is
/// purged; a run of the account's own still under way loses its lease and stops. Runs the same however often it is
/// delivered.
/// </summary>
internal sealed class DeleteRecordingsOfPurgedUser(AudioProcessingDbContext db, IAudioStorage storage, FileSteps fileSteps)
    : IIntegrationEventHandler<UserPurged>
{
    public async Task Handle(UserPurged integrationEvent, CancellationToken cancellationToken)
    {
        var user = new UserId(integrationEvent.UserId);
        var library = await db.AudioFiles.IgnoreQueryFilters([ModuleDbContext.OwnerFilter])
            .Where(a => a.OwnerId == user && a.CaseId == null)
            .Select(a => new { a.Id, a.StorageKey })
            .ToListAsync(cancellationToken);
        var ids = library.Select(a => a.Id).ToList();
        await db.AudioFiles.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.NoteTexts.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).Where(t => t.OwnerId == user).ExecuteDeleteAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM audio.jobs WHERE owner_id = {user.Value}", cancellationToken);

        // What stays with cases keeps no trace of who uploaded or re-ran it.
        await db.Database.ExecuteSqlAsync($"UPDATE audio.audio_files SET owner_id = {Guid.Empty} WHERE owner_id = {user.Value}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"UPDATE audio.transcripts SET owner_id = {Guid.Empty} WHERE owner_id = {user.Value}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"UPDATE audio.analyses SET owner_id = {Guid.Empty} WHERE owner_id = {user.Value}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"UPDATE audio.transcripts SET started_by = NULL WHERE started_by = {user.Value}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"UPDATE audio.analyses SET started_by = NULL WHERE started_by = {user.Value}", cancellationToken);
        await OutboxScrub.ForgetDeliveredAsync(db, user.Value, cancellationToken);

        fileSteps.AfterCommit(() =>
        {
            foreach (var file in library)
            {
                storage.Delete(file.StorageKey);
                storage.DeleteWork(file.Id);
            }

            storage.DeleteOwnerFolders(user);
        });
    }
}
