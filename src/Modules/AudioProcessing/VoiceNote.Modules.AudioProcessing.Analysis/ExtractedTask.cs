namespace VoiceNote.Modules.AudioProcessing.Analysis;

/// <summary>
/// A task found in a transcript. <see cref="SourceStart"/>/<see cref="SourceLength"/> locate the
/// words it came from (for key moments and highlighting); <see cref="DeadlineText"/> is what was said.
/// </summary>
internal sealed record ExtractedTask(
    string Description,
    DateTimeOffset? Deadline,
    string? DeadlineText,
    TaskPriority Priority,
    CommunicationType? Channel,
    IReadOnlyList<AssignedEntity> Assignees,
    double Confidence,
    int SourceStart,
    int SourceLength)
{
    /// <summary>A task, or an event (a meeting, an appointment) whose <see cref="Deadline"/> is its start.</summary>
    public TaskKind Kind { get; init; } = TaskKind.Task;
}
