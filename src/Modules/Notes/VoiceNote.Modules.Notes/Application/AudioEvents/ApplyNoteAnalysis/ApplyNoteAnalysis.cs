using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.AudioEvents.ApplyNoteAnalysis;

/// <summary>
/// Writes the analysis of a note's text into the note (docs/decisions/0075), through the same
/// <see cref="AnalysisApplier"/> as a recording's. The analysis of a text the note no longer has is dropped: the
/// analysis of its newer text is on its way. A redelivery finds the note analysed and changes nothing new.
/// </summary>
internal sealed class ApplyNoteAnalysis(NotesDbContext db, TimeProvider clock) : IIntegrationEventHandler<NoteTextAnalysed>
{
    public async Task Handle(NoteTextAnalysed integrationEvent, CancellationToken cancellationToken)
    {
        var note = await db.Notes.WithSpecification(new NoteOfOwner(new UserId(integrationEvent.OwnerId), integrationEvent.NoteId)).FirstOrDefaultAsync(cancellationToken);
        if (note is null || note.AnalysisTextHash != integrationEvent.TextHash)
        {
            return;
        }

        var now = clock.NowForDatabase();
        AnalysisApplier.Apply(
            note,
            new AnalysisToApply(integrationEvent.Summary, integrationEvent.Title, integrationEvent.Tasks, integrationEvent.KeyMoments, integrationEvent.Sentiment, integrationEvent.Priority),
            note.AudioId ?? note.Id,
            replace: true,
            now);
        note.Analysed(integrationEvent.Engine, integrationEvent.FallbackFrom, now);
        NoteWriter.AfterTextChange(db, note, now);
    }
}

/// <summary>An owner's note by id with its transcripts and tasks (deleted ones too), for background work with no caller.</summary>
internal sealed class NoteOfOwner : Specification<Note>
{
    public NoteOfOwner(UserId owner, Guid noteId)
    {
        Query.Where(n => n.OwnerId == owner && n.Id == noteId).IgnoreQueryFilters().AsSplitQuery();
        Query.Include(n => n.Transcripts);
        Query.Include(n => n.Tasks);
    }
}
