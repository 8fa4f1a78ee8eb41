using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Recordings.ForgetDeletedRecording;

/// <summary>
/// A recording its owner deleted leaves every case that held it, with its versions (docs/decisions/0079).
/// Idempotent: a redelivered event finds nothing left.
/// </summary>
internal sealed class ForgetDeletedRecording(CasesDbContext db) : IIntegrationEventHandler<AudioDeleted>
{
    public async Task Handle(AudioDeleted integrationEvent, CancellationToken cancellationToken)
    {
        await db.Recordings.Where(r => r.AudioId == integrationEvent.AudioId).ExecuteDeleteAsync(cancellationToken);
        await db.ForgetUnheldVersionsAsync(integrationEvent.AudioId, cancellationToken);
    }
}
