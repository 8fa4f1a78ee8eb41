namespace VoiceNote.Infrastructure.Jobs;

/// <summary>A job this worker holds the lease of.</summary>
public sealed record ClaimedJob(Guid Id, string Kind, string Payload, int Attempt, int MaxAttempts);
