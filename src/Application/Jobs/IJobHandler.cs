namespace VoiceNote.Application.Jobs;

/// <summary>
/// Runs one kind of durable job. A handler must be safe to run again for the same job (a worker may
/// die mid-way and another take over after the lease): it saves each stage's output before the next
/// and skips stages already done.
/// </summary>
public interface IJobHandler
{
    /// <summary>The job kind this handler runs, e.g. "audio.process".</summary>
    string Kind { get; }

    Task<JobOutcome> RunAsync(JobContext job, CancellationToken cancellationToken);
}

/// <summary>What the handler sees of its job, and how it reports progress.</summary>
public sealed class JobContext(Guid id, string payload, int attempt, int maxAttempts, Func<string, int, CancellationToken, Task> reportProgress)
{
    public Guid Id { get; } = id;

    public string Payload { get; } = payload;

    /// <summary>1 on the first run, 2 on the first retry…</summary>
    public int Attempt { get; } = attempt;

    public int MaxAttempts { get; } = maxAttempts;

    /// <summary>Whether a retryable failure now would still be retried (false on the last attempt).</summary>
    public bool CanRetry => Attempt < MaxAttempts;

    /// <summary>Records the workflow stage and 0–100 progress.</summary>
    public Task ReportAsync(string stage, int progress, CancellationToken cancellationToken) => reportProgress(stage, progress, cancellationToken);
}

/// <summary>How a run ended. A retryable failure goes back to the queue with backoff until its attempts run out.</summary>
public sealed record JobOutcome(bool Succeeded, string? Error, bool Retryable)
{
    public static readonly JobOutcome Done = new(true, null, false);

    public static JobOutcome Retry(string error) => new(false, error, true);

    public static JobOutcome Fail(string error) => new(false, error, false);
}
