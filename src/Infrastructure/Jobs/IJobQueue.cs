using VoiceNote.Application.Jobs;

namespace VoiceNote.Infrastructure.Jobs;

/// <summary>
/// One module's queue seen from outside the module: its depth for metrics and readiness, and the operator's
/// list, retry and cancel (docs/decisions/0090). Every <see cref="JobQueue{TContext}"/> is registered as one.
/// </summary>
public interface IJobQueue
{
    /// <summary>The queue's name: its module's schema ("audio", "exports").</summary>
    string Name { get; }

    /// <summary>Counts of waiting and running jobs and the oldest runnable pending one, from the claim index.</summary>
    Task<QueueDepth> MeasureAsync(CancellationToken cancellationToken);

    /// <summary>Jobs newest first, filtered; <paramref name="filter"/>'s cursor continues after the last one seen.</summary>
    Task<IReadOnlyList<JobRecord>> ListAsync(JobFilter filter, CancellationToken cancellationToken);

    /// <summary>How many jobs the filter matches (its cursor ignored).</summary>
    Task<long> CountAsync(JobFilter filter, CancellationToken cancellationToken);

    Task<JobRecord?> FindAsync(Guid jobId, CancellationToken cancellationToken);

    Task<bool> CancelAsync(Guid jobId, CancellationToken cancellationToken);

    Task<bool> RetryAsync(Guid jobId, CancellationToken cancellationToken);
}

/// <summary>A queue's depth now.</summary>
/// <param name="OldestRunnableSince">When the longest-waiting job that may run now became runnable; null when none waits.</param>
public sealed record QueueDepth(string Queue, long Pending, long Processing, DateTimeOffset? OldestRunnableSince, DateTimeOffset MeasuredAt)
{
    /// <summary>How long the oldest runnable job has waited (zero when none).</summary>
    public TimeSpan Lag => OldestRunnableSince is { } since && since < MeasuredAt ? MeasuredAt - since : TimeSpan.Zero;
}

/// <summary>What an operator's job list asks for; null fields do not filter.</summary>
/// <param name="After">Keyset cursor: the (created at, id) of the last job of the previous page.</param>
public sealed record JobFilter(
    string? Kind, JobStatus? Status, DateTimeOffset? CreatedFrom, DateTimeOffset? CreatedTo, (DateTimeOffset CreatedAt, Guid Id)? After, int Limit);
