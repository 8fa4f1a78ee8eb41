using VoiceNote.Application.Jobs;

namespace VoiceNote.Infrastructure.Jobs;

/// <summary>
/// A row of a module's durable queue (a job as docs/product.md describes it, plus the lease that lets several worker
/// processes share it without running a job twice).
/// </summary>
public sealed class JobRecord
{
    public Guid Id { get; set; }

    public string Kind { get; set; } = string.Empty;

    /// <summary>Whose job it is (for owner-scoped status reads); null for system jobs.</summary>
    public Guid? OwnerId { get; set; }

    public string Payload { get; set; } = "{}";

    public JobStatus Status { get; set; } = JobStatus.Pending;

    /// <summary>The workflow stage the job is in or reached.</summary>
    public string? Stage { get; set; }

    public int Progress { get; set; }

    public int Attempts { get; set; }

    public int MaxAttempts { get; set; } = 5;

    public DateTimeOffset RunAfter { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public bool CancelRequested { get; set; }

    /// <summary>The reason of the last failure, kept when the job is dead.</summary>
    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
