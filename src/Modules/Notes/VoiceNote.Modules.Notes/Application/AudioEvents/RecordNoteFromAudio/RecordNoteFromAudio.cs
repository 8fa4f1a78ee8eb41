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
        note.Touch(now);
        NoteWriter.AfterTextChange(db, note, now);
    }

    public async Task Handle(AudioAnalysed integrationEvent, CancellationToken cancellationToken)
    {
        var now = clock.NowForDatabase();
        var note = await FindOrCreateAsync(integrationEvent.OwnerId, integrationEvent.AudioId, integrationEvent.RecordedAt, now, cancellationToken);
        // The first analysis sets the note's priority from its most urgent task (ADR 0074); after that it is the owner's.
        if (string.IsNullOrEmpty(note.Summary) && integrationEvent.Priority is { } priority)
        {
            note.Priority = PriorityOf(priority);
        }

        note.Summary = Bounded(integrationEvent.Summary, NoteLimits.SummaryLength);
        note.Title ??= BoundedOrNull(integrationEvent.Title, NoteLimits.TitleLength);
        note.KeyMoments = integrationEvent.KeyMoments
            .Where(m => m.At >= TimeSpan.Zero && m.At < TimeSpan.FromDays(1) && !string.IsNullOrWhiteSpace(m.Description))
            .Take(NoteLimits.KeyMomentCount)
            .Select(m => new KeyMoment(m.At, Bounded(m.Description, NoteLimits.KeyMomentDescriptionLength), Math.Clamp(m.Confidence, 0, 1)))
            .ToList();
        if (integrationEvent.Sentiment is { } sentiment)
        {
            note.SetSentiment(BoundedOrNull(sentiment.Label.ToLowerInvariant(), 16), Math.Clamp(sentiment.Score, -1, 1));
        }

        var position = note.Tasks.Count == 0 ? 0 : note.Tasks.Max(t => t.Position) + 1;
        foreach (var analysed in integrationEvent.Tasks.Where(t => !string.IsNullOrWhiteSpace(t.Description)))
        {
            var description = Bounded(analysed.Description.Trim(), NoteLimits.TaskDescriptionLength);
            var key = SourceKey(integrationEvent.AudioId, description);
            // Already there (a redelivery, or a repeated analysis): the owner may have edited or done it; leave it be.
            if (note.Tasks.Any(t => t.SourceKey == key) || note.Tasks.Count >= NoteLimits.TasksPerNote)
            {
                continue;
            }

            var task = NoteTask.Create(note, description, position++, now, key);
            task.Deadline = analysed.Deadline?.ToMicroseconds();
            task.Priority = PriorityOf(analysed.Priority);
            task.CommunicationType = analysed.CommunicationType is { } channel ? ChannelOf(channel) : null;
            task.AssignedEntities = analysed.Assignees.Where(a => !string.IsNullOrWhiteSpace(a.Name)).Take(NoteLimits.AssignedEntityCount)
                .Select(a => new AssignedEntity(
                    Bounded(a.Name, NoteLimits.AssigneeNameLength),
                    BoundedOrNull(a.Contact, NoteLimits.AssigneeContactLength),
                    BoundedOrNull(a.Channel, NoteLimits.AssigneeChannelLength),
                    RoleOf(a.Role)))
                .ToList();
            note.Tasks.Add(task);
        }

        note.Touch(now);
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

    /// <summary>A stable key for an analysed task: the recording and the task's words (case and spacing ignored).</summary>
    internal static string SourceKey(Guid audioId, string description) =>
        Note.Hash(audioId.ToString("N") + "\n" + string.Join(' ', description.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    private static TranscriptEngine EngineOf(SpeechEngine engine) => engine switch
    {
        SpeechEngine.OpenAi => TranscriptEngine.OpenAi,
        SpeechEngine.Groq => TranscriptEngine.Groq,
        SpeechEngine.Deepgram => TranscriptEngine.Deepgram,
        _ => TranscriptEngine.Local,
    };

    private static NotePriority PriorityOf(AnalysedPriority priority) => priority switch
    {
        AnalysedPriority.High => NotePriority.High,
        AnalysedPriority.Low => NotePriority.Low,
        _ => NotePriority.Medium,
    };

    private static AssignedRole? RoleOf(string? role) => role?.ToLowerInvariant() switch
    {
        "assignee" => AssignedRole.Assignee,
        "recipient" => AssignedRole.Recipient,
        _ => null,
    };

    private static CommunicationType? ChannelOf(AnalysedChannel channel) => channel switch
    {
        AnalysedChannel.WhatsApp => CommunicationType.WhatsApp,
        AnalysedChannel.Sms => CommunicationType.Sms,
        AnalysedChannel.Call => CommunicationType.Call,
        AnalysedChannel.Meet => CommunicationType.Meet,
        AnalysedChannel.Slack => CommunicationType.Slack,
        _ => null,
    };

    private static string? Language(string? tag) => FieldRules.IsLanguageTag(tag) ? tag : null;

    private static string Bounded(string text, int max) => text.Length <= max ? text : text[..max];

    private static string? BoundedOrNull(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : Bounded(text.Trim(), max);

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
