namespace VoiceNote.Modules.Operations.Domain;

/// <summary>One run of one retention rule (ADR 0084): when, how many items it removed, or why it failed.</summary>
internal sealed class RetentionRun
{
    public Guid Id { get; init; }

    public string Rule { get; init; } = string.Empty;

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    public int Removed { get; init; }

    public string? Error { get; init; }
}
