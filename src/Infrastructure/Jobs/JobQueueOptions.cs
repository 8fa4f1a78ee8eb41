namespace VoiceNote.Infrastructure.Jobs;

/// <summary>Bound from "Jobs".</summary>
public sealed class JobQueueOptions
{
    public const string Section = "Jobs";

    /// <summary>Whether this process runs job workers (the API and the worker verb do by default).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Jobs one process runs at once.</summary>
    public int Concurrency { get; set; } = 2;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim lasts without a heartbeat; a worker that dies loses its jobs after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Finished jobs are deleted after this (12 hours by default) by the <c>jobs.finished</c> retention rule (ADR 0084).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(12);
}
