using Microsoft.Extensions.Options;
using VoiceNote.Application.Retention;

namespace VoiceNote.Infrastructure.Jobs;

/// <summary>One module's job queue, as the finished-job rule sees it.</summary>
public interface IFinishedJobs
{
    Task<int> PurgeFinishedAsync(TimeSpan retention, CancellationToken cancellationToken);
}

/// <summary><c>jobs.finished</c>: jobs of every module's queue that finished longer ago than <c>Jobs:Retention</c> (ADR 0084).</summary>
internal sealed class FinishedJobsRule(IEnumerable<IFinishedJobs> queues, IOptionsMonitor<JobQueueOptions> options) : IRetentionRule
{
    public string Name => "jobs.finished";

    public string Description => "Jobs (processing, exports) that completed, failed or were cancelled.";

    public string ConfigurationKey => JobQueueOptions.Section + ":" + nameof(JobQueueOptions.Retention);

    public TimeSpan Period => options.CurrentValue.Retention;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var retention = Period;
        var removed = 0;
        foreach (var queue in queues)
        {
            removed += await queue.PurgeFinishedAsync(retention, cancellationToken);
        }

        return removed;
    }
}
