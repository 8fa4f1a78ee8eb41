using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Infrastructure.Outbox;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Exports.Application.Writing;
using VoiceNote.Modules.Exports.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Exports.Application.Retention.PurgeUsersExports;

/// <summary>
/// A purged account's exports go (ADR 0085), finished or not, as expired ones do: the files first, then the rows and
/// jobs (a run still under way loses its lease and stops), then the account's folder. A second delivery finds none.
/// </summary>
internal sealed class DeleteExportsOfPurgedUser(ExportsDbContext db, ExportFiles files) : IIntegrationEventHandler<UserPurged>
{
    public async Task Handle(UserPurged integrationEvent, CancellationToken cancellationToken)
    {
        var user = integrationEvent.UserId;
        var exports = await db.Exports.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).Where(e => e.OwnerId == user).ToListAsync(cancellationToken);
        foreach (var export in exports)
        {
            files.Delete(export.StorageKey);
        }

        files.DeleteOwnerFolder(user);
        db.Exports.RemoveRange(exports);
        await db.Database.ExecuteSqlAsync($"DELETE FROM exports.jobs WHERE owner_id = {user}", cancellationToken);
        await OutboxScrub.ForgetDeliveredAsync(db, user, cancellationToken);
    }
}
