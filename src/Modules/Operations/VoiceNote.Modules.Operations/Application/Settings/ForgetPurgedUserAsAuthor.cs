using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Infrastructure.Outbox;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Operations.Infrastructure.Persistence;

namespace VoiceNote.Modules.Operations.Application.Settings;

/// <summary>
/// A setting a purged admin changed keeps its value, changed by nobody (<see cref="Guid.Empty"/>, ADR 0085); who
/// changed what stays in the anonymised activity log. A second delivery changes nothing.
/// </summary>
internal sealed class ForgetPurgedUserAsAuthor(OperationsDbContext db) : IIntegrationEventHandler<UserPurged>
{
    public async Task Handle(UserPurged integrationEvent, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"UPDATE operations.system_settings SET updated_by = {Guid.Empty} WHERE updated_by = {integrationEvent.UserId}", cancellationToken);
        await OutboxScrub.ForgetDeliveredAsync(db, integrationEvent.UserId, cancellationToken);
    }
}
