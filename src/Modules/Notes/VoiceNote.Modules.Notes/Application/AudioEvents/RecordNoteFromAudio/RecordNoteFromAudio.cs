using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.AudioEvents.RecordNoteFromAudio;

/// <summary>
/// Turns the pipeline's events into the owner's note (docs/decisions/0025). The first event about a
/// recording creates the note, keyed by (owner, audio id); later ones update it, in whatever order they
/// come. Redelivery has no second effect: the inbox skips a delivered event, a repeated transcript is
/// the same row, and each analysed task has a source key unique per note, so a task is never added twice.
/// Text changes publish <see cref="Contracts.NoteTextChanged"/>, which re-embeds the note afterwards.
/// </summary>
internal sealed class RecordNoteFromAudio(NotesDbContext db, TimeProvider clock)
    : IIntegrationEventHandler<AudioTranscribed>, IIntegrationEventHandler<AudioAnalysed>
{
    public async Task Handle(AudioTranscribed integrationEvent, CancellationToken cancellationToken)
    {
        var now = clock.NowForDatabase();
        var note = await FindOrCreateAsync(integrationEvent.OwnerId, integrationEvent.AudioId, integrationEvent.RecordedAt, now, cancellationToken);
        var engine = EngineOf(integrationEvent.Engine);
        note.SetTranscript(engine, Bounded(integrationEvent.Text, NoteLimits.TranscriptLength), Language(integrationEvent.Language), now);
        if (!string.IsNullOrWhiteSpace(integrationEvent.OnDeviceTranscript))
        {
            note.SetTranscript(TranscriptEngine.Android, Bounded(integrationEvent.OnDeviceTranscript, NoteLimits.TranscriptLength), Language(integrationEvent.OnDeviceLanguage), now);
        }

        if (integrationEvent.Preferred)
        {
            note.PreferredEngine = engine;
        }

        // What the owner typed wins over what the upload proposed.
        note.Title ??= BoundedOrNull(integrationEvent.Title, NoteLimits.TitleLength);
        note.DurationSeconds = integrationEvent.DurationSeconds >= 0 ? integrationEvent.DurationSeconds : note.DurationSeconds;
        note.SizeBytes = integrationEvent.SizeBytes ?? note.SizeBytes;
        note.AudioUrl = FieldRules.IsAudioReference(integrationEvent.AudioUrl) ? integrationEvent.AudioUrl : note.AudioUrl;
        note.RawAudioUrl = FieldRules.IsAudioReference(integrationEvent.RawAudioUrl) ? integrationEvent.RawAudioUrl : note.RawAudioUrl;
        note.ProcessingOptions = IsSmallJsonObject(integrationEvent.ProcessingOptions) ? integrationEvent.ProcessingOptions : note.ProcessingOptions;
        // The pipeline analyses this transcript itself; the text path must not do it again (docs/decisions/0075).
        note.RememberAnalysedText(Note.Hash(note.AnalysisText()));
        note.Touch(now);
        NoteWriter.AfterTextChange(db, note, now);
    }

    public async Task Handle(AudioAnalysed integrationEvent, CancellationToken cancellationToken)
    {
        var now = clock.NowForDatabase();
        var note = await FindOrCreateAsync(integrationEvent.OwnerId, integrationEvent.AudioId, integrationEvent.RecordedAt, now, cancellationToken);
        AnalysisApplier.Apply(
            note,
            new AnalysisToApply(integrationEvent.Summary, integrationEvent.Title, integrationEvent.Tasks, integrationEvent.KeyMoments, integrationEvent.Sentiment, integrationEvent.Priority),
            integrationEvent.AudioId,
            replace: false,
            now);
        note.AnalysedByPipeline(Note.Hash(note.AnalysisText()), integrationEvent.Engine, now);
        NoteWriter.AfterTextChange(db, note, now);
    }

    /// <summary>
    /// The note of (owner, recording), created on first sight. Two deliveries racing to create it
    /// collide on the unique (owner_id, audio_id) index; the loser's transaction fails and the outbox
    /// delivers it again, when it finds the note.
    /// </summary>
    private async Task<Note> FindOrCreateAsync(Guid ownerId, Guid audioId, DateTimeOffset recordedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var owner = new UserId(ownerId);
        var note = await db.Notes.WithSpecification(new NoteOfRecording(owner, audioId)).FirstOrDefaultAsync(cancellationToken);
        if (note is null)
        {
            note = Note.Create(owner, now, recordedAt.ToMicroseconds(), audioId);
            db.Notes.Add(note);
        }

        return note;
    }

    private static TranscriptEngine EngineOf(SpeechEngine engine) => engine switch
    {
        SpeechEngine.OpenAi => TranscriptEngine.OpenAi,
        SpeechEngine.Groq => TranscriptEngine.Groq,
        SpeechEngine.Deepgram => TranscriptEngine.Deepgram,
        _ => TranscriptEngine.Local,
    };

    private static string? Language(string? tag) => FieldRules.IsLanguageTag(tag) ? tag : null;

    private static string Bounded(string text, int max) => AnalysisApplier.Bounded(text, max);

    private static string? BoundedOrNull(string? text, int max) => AnalysisApplier.BoundedOrNull(text, max);

    private static bool IsSmallJsonObject(string? json)
    {
        if (json is null || json.Length > NoteLimits.ProcessingOptionsBytes)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
