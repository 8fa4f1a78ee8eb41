using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.AnalyseNoteText;

/// <summary>A note purged for good takes the copy of its text kept for analysis with it; a job still queued for it finds nothing to do.</summary>
internal sealed class ForgetPurgedNoteText(AudioProcessingDbContext db) : IIntegrationEventHandler<NotePurged>
{
    public Task Handle(NotePurged integrationEvent, CancellationToken cancellationToken)
    {
        var owner = new UserId(integrationEvent.OwnerId);
        return db.NoteTexts.IgnoreQueryFilters([ModuleDbContext.OwnerFilter])
            .Where(a => a.NoteId == integrationEvent.NoteId && a.OwnerId == owner)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
