using VoiceNote.Modules.AudioProcessing.Analysis;

namespace VoiceNote.UnitTests.AudioProcessing.Evaluation;

/// <summary>
/// A task as the analyser predicted it, in the evaluation table's terms: the deadline in the note's own
/// zone, the first person in each role, and the note's priority from the analysis (MEDIUM, the note's
/// default, when the analysis gives none).
/// </summary>
internal sealed record Predicted(string Description, string Kind, DateOnly? Due, TimeOnly? DueTime, string Priority, string? Assignee, string? Recipient)
{
    public static Predicted Of(ExtractedTask task, TimeZoneInfo zone)
    {
        var local = task.Deadline is { } deadline ? TimeZoneInfo.ConvertTime(deadline, zone) : (DateTimeOffset?)null;
        return new Predicted(
            task.Description,
            task.Kind.ToString().ToUpperInvariant(),
            local is { } d ? DateOnly.FromDateTime(d.DateTime) : null,
            local is { } t ? TimeOnly.FromDateTime(t.DateTime) : null,
            task.Priority.ToString().ToUpperInvariant(),
            task.Assignees.FirstOrDefault(a => a.Role == PersonRole.Assignee)?.Name,
            task.Assignees.FirstOrDefault(a => a.Role == PersonRole.Recipient)?.Name);
    }

    public static string NotePriorityOf(AnalysisResult result) => result.Priority?.ToString().ToUpperInvariant() ?? "MEDIUM";
}
