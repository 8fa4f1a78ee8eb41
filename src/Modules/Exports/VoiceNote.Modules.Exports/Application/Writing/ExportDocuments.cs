using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Exports.Application.Documents;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Notes.Contracts;

namespace VoiceNote.Modules.Exports.Application.Writing;

/// <summary>
/// Gathers a <see cref="NoteDocument"/> from the modules that own its parts, through their contracts: the note from
/// Notes, the recording's duration, word timings and versions from AudioProcessing, the owner's time zone from Identity.
/// </summary>
internal sealed class ExportDocuments(INoteExports notes, IRecordingExports recordings, IIdentityModule identity)
{
    public const string Untitled = "Untitled note";

    /// <summary>One of the owner's notes, with its recording if it has one; null when it is no longer theirs.</summary>
    public async Task<NoteDocument?> OfNoteAsync(Guid noteId, Guid ownerId, CancellationToken cancellationToken)
    {
        var note = await notes.FindOwnAsync(noteId, ownerId, cancellationToken);
        if (note is null)
        {
            return null;
        }

        var recording = note.AudioId is { } audioId ? await recordings.FindOwnAsync(audioId, ownerId, cancellationToken) : null;
        return Build(note, recording, await ZoneOfAsync(ownerId, cancellationToken));
    }

    /// <summary>One of the owner's recordings, with the note it made (a recording not yet processed has none).</summary>
    public async Task<NoteDocument?> OfRecordingAsync(Guid audioId, Guid ownerId, CancellationToken cancellationToken)
    {
        var recording = await recordings.FindOwnAsync(audioId, ownerId, cancellationToken);
        if (recording is null)
        {
            return null;
        }

        var note = await notes.FindOwnByRecordingAsync(audioId, ownerId, cancellationToken);
        return Build(note, recording, await ZoneOfAsync(ownerId, cancellationToken));
    }

    /// <summary>The user's time zone, for printing times as they read them; UTC when it is unknown here.</summary>
    public async Task<TimeZoneInfo> ZoneOfAsync(Guid userId, CancellationToken cancellationToken)
    {
        var context = await identity.GetUserContextAsync(new UserId(userId), cancellationToken);
        return context is not null && TimeZoneInfo.TryFindSystemTimeZoneById(context.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>A note and/or its recording as one document; the note's own words (title, summary, tasks) win over the analysis's.</summary>
    public static NoteDocument Build(NoteForExport? note, RecordingForExport? recording, TimeZoneInfo zone)
    {
        var transcripts = recording?.Versions.Transcripts.OrderBy(t => t.Version).ToList() ?? [];
        var analyses = recording?.Versions.Analyses.OrderBy(a => a.Version).ToList() ?? [];
        var seconds = recording?.Recording.DurationSeconds ?? note?.DurationSeconds;
        return new NoteDocument(
            NoteId: note?.Id ?? recording!.Recording.AudioId,
            Title: FirstText(note?.Title, recording?.Recording.Title, analyses.LastOrDefault()?.Title) ?? Untitled,
            RecordedAt: note?.RecordedAt ?? recording!.Recording.RecordedAt,
            CreatedAt: note?.CreatedAt ?? recording!.Recording.CreatedAt,
            UpdatedAt: note?.UpdatedAt ?? recording!.Recording.CreatedAt,
            OwnerTimeZone: zone,
            Duration: seconds is { } s ? TimeSpan.FromSeconds(s) : null,
            Priority: note?.Priority ?? "MEDIUM",
            Sentiment: note?.Sentiment ?? analyses.LastOrDefault()?.Sentiment?.Label,
            Language: note?.Language ?? transcripts.LastOrDefault()?.Language,
            Summary: FirstText(note?.Summary, analyses.LastOrDefault()?.Summary),
            Transcript: FirstText(note?.Transcript, transcripts.LastOrDefault()?.Text),
            Words: recording?.CurrentWords.Select(w => new TimedWord(w.Text, w.StartMs, w.EndMs)).ToList() ?? [],
            Tasks: note is not null
                ? note.Tasks.Select(t => new DocumentTask(t.Description, t.Deadline, t.Priority, t.IsDone, t.DoneAt)).ToList()
                : analyses.LastOrDefault()?.Tasks.Select(TaskOf).ToList() ?? [],
            KeyMoments: note is not null
                ? note.KeyMoments.Select(k => new DocumentKeyMoment(k.At, k.Description)).ToList()
                : analyses.LastOrDefault()?.KeyMoments.Select(k => new DocumentKeyMoment(k.At, k.Description)).ToList() ?? [],
            TranscriptVersions: transcripts.Select(t => new DocumentTranscriptVersion(t.Version, t.Engine, t.Language, t.CreatedAt, t.Text)).ToList(),
            AnalysisVersions: analyses.Select(a => new DocumentAnalysisVersion(
                a.Version, a.Engine, a.CreatedAt, a.Summary, a.Title, a.Tasks.Select(TaskOf).ToList(),
                a.KeyMoments.Select(k => new DocumentKeyMoment(k.At, k.Description)).ToList(), a.Sentiment?.Label)).ToList());
    }

    private static DocumentTask TaskOf(AnalysedTask task) => new(task.Description, task.Deadline, task.Priority.ToString().ToUpperInvariant(), false, null);

    private static string? FirstText(params string?[] texts) => texts.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
}
