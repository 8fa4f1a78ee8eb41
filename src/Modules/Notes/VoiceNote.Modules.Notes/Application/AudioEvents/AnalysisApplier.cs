using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Application.AudioEvents;

/// <summary>One analysis, from a recording or from a note's text, as AudioProcessing published it.</summary>
internal sealed record AnalysisToApply(
    string Summary,
    string? Title,
    IReadOnlyList<AnalysedTask> Tasks,
    IReadOnlyList<AnalysedKeyMoment> KeyMoments,
    AnalysedSentiment? Sentiment,
    AnalysedPriority? Priority = null);

/// <summary>
/// Writes an analysis into a note, the one path for recordings and text notes (docs/decisions/0075). What the
/// owner set by hand stays: a title, summary or priority they set, and every task they created, edited, completed
/// or deleted (a deleted analysed task keeps its source key, so the same suggestion never comes back). The
/// note's priority follows its most urgent task until the owner sets one (docs/decisions/0074).
/// </summary>
internal static class AnalysisApplier
{
    /// <param name="source">What task keys are scoped by: the recording, or the note itself.</param>
    /// <param name="replace">
    /// A new text's analysis replaces the previous analysis's title and its untouched tasks; a recording's
    /// analysis only fills a missing title and adds tasks (as before, docs/decisions/0025).
    /// </param>
    public static void Apply(Note note, AnalysisToApply analysis, Guid source, bool replace, DateTimeOffset now)
    {
        if (!note.SummarySetByOwner)
        {
            note.Summary = Bounded(analysis.Summary, NoteLimits.SummaryLength);
        }

        if (!note.PrioritySetByOwner && analysis.Priority is { } priority)
        {
            note.Priority = PriorityOf(priority);
        }

        if (!note.TitleSetByOwner && (replace || note.Title is null))
        {
            note.Title = BoundedOrNull(analysis.Title, NoteLimits.TitleLength) ?? (replace ? null : note.Title);
        }

        note.KeyMoments = analysis.KeyMoments
            .Where(m => m.At >= TimeSpan.Zero && m.At < TimeSpan.FromDays(1) && !string.IsNullOrWhiteSpace(m.Description))
            .Take(NoteLimits.KeyMomentCount)
            .Select(m => new KeyMoment(m.At, Bounded(m.Description, NoteLimits.KeyMomentDescriptionLength), Math.Clamp(m.Confidence, 0, 1)))
            .ToList();
        if (analysis.Sentiment is { } sentiment)
        {
            note.SetSentiment(BoundedOrNull(sentiment.Label.ToLowerInvariant(), 16), Math.Clamp(sentiment.Score, -1, 1));
        }

        var suggested = analysis.Tasks.Where(t => !string.IsNullOrWhiteSpace(t.Description))
            .Select(t => (Task: t, Description: Bounded(t.Description.Trim(), NoteLimits.TaskDescriptionLength)))
            .Select(t => (t.Task, t.Description, Key: SourceKey(source, t.Description)))
            .ToList();
        if (replace)
        {
            var keys = suggested.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            note.Tasks.RemoveAll(t => t.SourceKey is not null && !keys.Contains(t.SourceKey) && !t.EditedByOwner && !t.IsDone && !t.IsDeleted);
        }

        var position = note.Tasks.Count == 0 ? 0 : note.Tasks.Max(t => t.Position) + 1;
        foreach (var (analysed, description, key) in suggested)
        {
            // Already there (a redelivery, a repeated analysis, or one the owner edited or deleted): leave it be.
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
    }

    /// <summary>A stable key for an analysed task: its source (recording or note) and its words (case and spacing ignored).</summary>
    internal static string SourceKey(Guid source, string description) =>
        Note.Hash(source.ToString("N") + "\n" + string.Join(' ', description.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    internal static string Bounded(string text, int max) => text.Length <= max ? text : text[..max];

    internal static string? BoundedOrNull(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : Bounded(text.Trim(), max);

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
}
