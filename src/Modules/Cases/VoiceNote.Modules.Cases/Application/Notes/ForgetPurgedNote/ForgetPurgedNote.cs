using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Contracts;

namespace VoiceNote.Modules.Cases.Application.Notes.ForgetPurgedNote;

/// <summary>A note purged for good leaves every case it was in. Idempotent: a redelivered event finds no link left.</summary>
internal sealed class ForgetPurgedNote(CasesDbContext db) : IIntegrationEventHandler<NotePurged>
{
    public Task Handle(NotePurged integrationEvent, CancellationToken cancellationToken) =>
        db.Notes.Where(n => n.NoteId == integrationEvent.NoteId).ExecuteDeleteAsync(cancellationToken);
}
