using VoiceNote.Modules.Notes.Contracts;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Common;

/// <summary>Applies the fields a client sent to a note or task, and publishes a text change when there was one.</summary>
internal static class NoteWriter
{
    public static void Apply(Note note, Sent<NoteFields> sent, DateTimeOffset now)
    {
        var f = sent.Value;
        // A field the owner writes is theirs; one they clear goes back to the analysis (docs/decisions/0075).
        if (sent.Has("title"))
        {
            note.Title = f.Title;
            note.TitleSetByOwner = f.Title is not null;
        }

        if (sent.Has("summary"))
        {
            note.Summary = f.Summary;
            note.SummarySetByOwner = f.Summary is not null;
        }

        foreach (var transcript in f.Transcripts ?? [])
        {
            if (transcript.Text is null)
            {
                note.RemoveTranscript(transcript.Engine);
            }
            else
            {
                note.SetTranscript(transcript.Engine, transcript.Text, transcript.Language, now);
            }
        }

        if (sent.Has("preferredEngine"))
        {
            note.PreferredEngine = f.PreferredEngine;
        }

        if (sent.Has("audioUrl"))
        {
            note.AudioUrl = f.AudioUrl;
        }

        if (sent.Has("rawAudioUrl"))
        {
            note.RawAudioUrl = f.RawAudioUrl;
        }

        if (f.RecordedAt is { } recordedAt)
        {
            note.RecordedAt = recordedAt.ToMicroseconds();
        }

        if (f.Priority is { } priority)
        {
            note.Priority = priority;
            note.PrioritySetByOwner = true;
        }

        if (f.Status is { } status)
        {
            note.Status = status;
        }

        note.IsPinned = f.IsPinned ?? note.IsPinned;
        note.IsLiked = f.IsLiked ?? note.IsLiked;
        note.IsArchived = f.IsArchived ?? note.IsArchived;
        note.IsEncrypted = f.IsEncrypted ?? note.IsEncrypted;
        note.DocumentUrls = f.DocumentUrls ?? note.DocumentUrls;
        note.Links = f.Links ?? note.Links;
        note.KeyMoments = f.KeyMoments ?? note.KeyMoments;
        if (sent.Has("processingOptions"))
        {
            note.ProcessingOptions = f.ProcessingOptions?.GetRawText();
        }

        if (sent.Has("durationSeconds"))
        {
            note.DurationSeconds = f.DurationSeconds;
        }

        if (sent.Has("sizeBytes"))
        {
            note.SizeBytes = f.SizeBytes;
        }

        note.Touch(now);
    }

    public static void Apply(NoteTask task, Sent<TaskFields> sent, DateTimeOffset now)
    {
        var f = sent.Value;
        task.Description = f.Description?.Trim() ?? task.Description;
        if (sent.Has("deadline"))
        {
            task.Deadline = f.Deadline?.ToMicroseconds();
        }

        task.Priority = f.Priority ?? task.Priority;
        if (sent.Has("notifiedAt"))
        {
            task.NotifiedAt = f.NotifiedAt?.ToMicroseconds();
        }

        task.ReminderCount = f.ReminderCount ?? task.ReminderCount;
        task.NotificationEnabled = f.NotificationEnabled ?? task.NotificationEnabled;
        task.AssignedEntities = f.AssignedEntities ?? task.AssignedEntities;
        task.ImageUrls = f.ImageUrls ?? task.ImageUrls;
        task.DocumentUrls = f.DocumentUrls ?? task.DocumentUrls;
        task.ExternalLinks = f.ExternalLinks ?? task.ExternalLinks;
        if (sent.Has("communicationType"))
        {
            task.CommunicationType = f.CommunicationType;
        }

        task.IsActionApproved = f.IsActionApproved ?? task.IsActionApproved;
        task.Position = f.Position ?? task.Position;
        task.EditedByOwner = true;
        task.Touch(now);
    }

    /// <summary>
    /// Call after changing a note's title, summary or transcripts: refreshes the search text and, when the
    /// embedded text changed, publishes <see cref="NoteTextChanged"/> in the same transaction, so the
    /// note is re-embedded in the background once the change is committed (never inside the request).
    /// </summary>
    public static void AfterTextChange(NotesDbContext db, Note note, DateTimeOffset now)
    {
        if (note.RefreshText())
        {
            db.Publish(new NoteTextChanged(note.Id, note.OwnerId.Value, now));
        }
    }

    /// <summary>
    /// Call after the owner changed a note: when the text analysis reads (<see cref="Note.AnalysisText"/>) is new,
    /// publishes <see cref="NoteTextWritten"/> in the same transaction, and AudioProcessing analyses it in the
    /// background, debounced (docs/decisions/0075). The same text is never sent twice; encrypted content never.
    /// </summary>
    public static void AfterOwnerTextChange(NotesDbContext db, Note note, NoteAnalysisOptions analysis, DateTimeOffset now)
    {
        AfterTextChange(db, note, now);
        var text = note.AnalysisText();
        if (!analysis.AnalyseText || note.IsEncrypted || text.Length == 0 || !note.RequestAnalysis(Note.Hash(text)))
        {
            return;
        }

        var language = note.PreferredTranscript is { } transcript && !string.IsNullOrWhiteSpace(transcript.Text) ? transcript.Language : null;
        db.Publish(new NoteTextWritten(note.Id, note.OwnerId.Value, text, language, note.AnalysisTextHash!, note.RecordedAt, now));
    }
}
