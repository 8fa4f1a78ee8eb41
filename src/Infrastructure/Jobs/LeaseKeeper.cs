using System.Diagnostics;
using Microsoft.Extensions.Logging;
using VoiceNote.Infrastructure.Persistence;

namespace VoiceNote.Infrastructure.Jobs;

/// <summary>
/// Keeps one run's lease (docs/decisions/0064) and tells the run, once it has ended, what happened to
/// it: lost, taken over by another worker, or cancelled by its owner.
/// </summary>
internal sealed class LeaseKeeper<TContext>(JobQueue<TContext> queue, JobQueueOptions options, ILogger logger, string workerId)
    where TContext : ModuleDbContext
{
    private volatile bool _lost;
    private volatile bool _takenOver;
    private volatile bool _cancelRequested;

    /// <summary>The run had to stop before its lease ran out (or another worker holds the job).</summary>
    public bool Lost { get => _lost; private set => _lost = value; }

    /// <summary>Another worker holds the job now: nothing of this run may be recorded.</summary>
    public bool TakenOver { get => _takenOver; private set => _takenOver = value; }

    public bool CancelRequested { get => _cancelRequested; private set => _cancelRequested = value; }

    /// <summary>
    /// Renews the lease every third of it. A renewal that fails (or hangs past a third of the lease) is
    /// tried again every second or so; when the database says the lease is gone, or when failures have
    /// used up the lease but a third (as this worker measures it, from before the last renewal it saw
    /// succeed), the run is cancelled: that third is the run's time to stop before the lease ends and
    /// another worker may claim the job. Never throws.
    /// </summary>
    public async Task KeepAsync(ClaimedJob job, long leaseFrom, CancellationTokenSource run)
    {
        var length = options.LeaseDuration;
        var interval = length / 3;
        var retry = TimeSpan.FromTicks(Math.Clamp(interval.Ticks / 4, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(1).Ticks));
        var failures = 0;
        try
        {
            while (!run.IsCancellationRequested)
            {
                await Task.Delay(failures == 0 ? interval : retry, run.Token);
                var attemptFrom = Stopwatch.GetTimestamp();
                bool? state;
                try
                {
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(run.Token);
                    attempt.CancelAfter(interval);
                    state = await queue.HeartbeatAsync(job.Id, workerId, attempt.Token);
                }
                catch (Exception exception) when (!run.IsCancellationRequested)
                {
                    failures++;
                    var left = length - Stopwatch.GetElapsedTime(leaseFrom);
                    if (left <= interval)
                    {
                        logger.LogWarning(
                            "Job {JobId} ({Kind}): the lease could not be renewed for {Seconds:0.0} s ({Error}); cancelling the run before the lease ends",
                            job.Id, job.Kind, Stopwatch.GetElapsedTime(leaseFrom).TotalSeconds, JobWorkerService<TContext>.Summary(exception));
                        Lost = true;
                        await run.CancelAsync();
                        return;
                    }

                    logger.LogWarning(
                        "Job {JobId} ({Kind}): renewing the lease failed ({Error}); trying again, {Seconds:0.0} s of it left",
                        job.Id, job.Kind, JobWorkerService<TContext>.Summary(exception), left.TotalSeconds);
                    continue;
                }

                if (state is null)
                {
                    Lost = true;
                    TakenOver = true;
                    await run.CancelAsync();
                    return;
                }

                failures = 0;
                leaseFrom = attemptFrom;
                if (state is true)
                {
                    CancelRequested = true;
                    await run.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            // The heartbeat ends with the run.
        }
    }
}
