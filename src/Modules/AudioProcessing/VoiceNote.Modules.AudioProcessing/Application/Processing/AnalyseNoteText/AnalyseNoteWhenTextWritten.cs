using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.AnalyseNoteText;

/// <summary>
/// Keeps the newest text of a note and queues its analysis for after the debounce (docs/decisions/0075). Each
/// edit queues a job for its own text; a job that wakes to find a newer text does nothing, so of several quick
/// edits only the last is analysed. A text already analysed queues nothing.
/// </summary>
internal sealed class AnalyseNoteWhenTextWritten(
    AudioProcessingDbContext db, JobQueue<AudioProcessingDbContext> queue, IOptions<NoteTextOptions> options, TimeProvider clock)
    : IIntegrationEventHandler<NoteTextWritten>
{
    public async Task Handle(NoteTextWritten integrationEvent, CancellationToken cancellationToken)
    {
        // Background work has no caller: the owner filter is lifted, and the owner matched explicitly.
        var owner = new UserId(integrationEvent.OwnerId);
        var note = await db.NoteTexts.IgnoreQueryFilters([ModuleDbContext.OwnerFilter])
            .FirstOrDefaultAsync(a => a.NoteId == integrationEvent.NoteId, cancellationToken);
        if (note is null)
        {
            note = new NoteTextAnalysis(integrationEvent.NoteId, owner);
            db.NoteTexts.Add(note);
        }
        else if (note.OwnerId != owner)
        {
            return;
        }

        var text = integrationEvent.Text.Length <= AnalyseNoteText.MaxCharacters ? integrationEvent.Text : integrationEvent.Text[..AnalyseNoteText.MaxCharacters];
        var language = integrationEvent.Language is { Length: <= 16 } tag ? tag : null;
        if (!note.Write(text, language, integrationEvent.TextHash, integrationEvent.RecordedAt, integrationEvent.WrittenAt) || note.IsAnalysed)
        {
            return;
        }

        var job = queue.Enqueue(db, AnalyseNoteText.Kind, new AnalyseNoteTextPayload(note.NoteId, owner.Value, note.TextHash), owner.Value, AnalyseNoteText.MaxAttempts);
        job.RunAfter = clock.GetUtcNow() + options.Value.Debounce;
    }
}
