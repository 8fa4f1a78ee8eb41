using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Infrastructure.Telemetry;

namespace VoiceNote.Infrastructure.Jobs;

/// <summary>
/// Runs a module's jobs in this process: up to <see cref="JobQueueOptions.Concurrency"/> at once, each
/// with a lease it renews every third of the lease and that notices cancellation or a lost lease. The
/// API runs it by default; the <c>worker</c> verb runs only this and the outbox.
/// Database faults (docs/decisions/0064): a failed claim gives its slot back and the loop tries again
/// with a growing pause, so the workers resume on their own when the database is back; a failed renewal
/// is tried again, and when the lease is lost — the database says another worker holds it, or renewals
/// kept failing until a third of the lease was left — the run is cancelled, so it has stopped before any
/// other worker may claim the job; a failed finish is tried again until it is recorded. Readiness reads
/// the loop's state through <see cref="IJobWorker"/>.
/// </summary>
public sealed class JobWorkerService<TContext>(
    JobQueue<TContext> queue,
    IServiceScopeFactory scopes,
    JobKinds<TContext> kinds,
    IOptions<JobQueueOptions> options,
    VoiceNoteMetrics metrics,
    ILogger<JobWorkerService<TContext>> logger) : BackgroundService, IJobWorker
    where TContext : ModuleDbContext
{
    /// <summary>The longest pause between failed claims (unless the poll interval is longer).</summary>
    internal static readonly TimeSpan MaxClaimBackoff = TimeSpan.FromSeconds(5);

    // Unique per process and service instance; shown in the lease_owner column (128 characters at most).
    private readonly string _workerId = WorkerId();
    private long _lastTurn = Stopwatch.GetTimestamp();
    private int _busy;
    private int _failedClaims;
    private string? _lastError;
    private volatile bool _disabled;

    /// <summary>This worker's lease owner name.</summary>
    internal string WorkerName => _workerId;

    public JobWorkerStatus Status()
    {
        var settings = options.Value;
        var loop = _disabled ? JobWorkerLoop.Disabled
            : ExecuteTask is null ? JobWorkerLoop.NotStarted
            : ExecuteTask.IsCompleted ? JobWorkerLoop.Ended
            : JobWorkerLoop.Running;
        return new JobWorkerStatus(
            typeof(TContext).Name,
            loop,
            Stopwatch.GetElapsedTime(Volatile.Read(ref _lastTurn)),
            Volatile.Read(ref _busy),
            settings.Concurrency,
            Volatile.Read(ref _failedClaims),
            Volatile.Read(ref _lastError),
            StallAfter(settings));
    }

    /// <summary>Half a minute beyond the longest pause the loop takes on its own.</summary>
    internal static TimeSpan StallAfter(JobQueueOptions settings) =>
        TimeSpan.FromSeconds(30) + (2 * (settings.PollInterval > MaxClaimBackoff ? settings.PollInterval : MaxClaimBackoff));

    /// <summary>The pause after the n-th failed claim in a row: the poll interval, doubling up to <see cref="MaxClaimBackoff"/>.</summary>
    internal static TimeSpan ClaimBackoff(int failures, JobQueueOptions settings)
    {
        var cap = settings.PollInterval > MaxClaimBackoff ? settings.PollInterval : MaxClaimBackoff;
        var ticks = settings.PollInterval.Ticks * (1L << Math.Clamp(failures - 1, 0, 16));
        return TimeSpan.FromTicks(Math.Min(cap.Ticks, ticks));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || kinds.All.Count == 0)
        {
            _disabled = true;
            return;
        }

        using var slots = new SemaphoreSlim(settings.Concurrency);
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            Turn();
            try
            {
                await slots.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            Turn();
            // Taken before the claim: the lease it writes runs from a moment after this one.
            var claimedFrom = Stopwatch.GetTimestamp();
            ClaimedJob? job;
            try
            {
                job = await queue.ClaimAsync(_workerId, kinds.All, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                slots.Release();
                break;
            }
            catch (Exception exception)
            {
                // The slot goes back whatever the failure: the loop must never wait for a slot no job holds.
                slots.Release();
                var failures = Interlocked.Increment(ref _failedClaims);
                Volatile.Write(ref _lastError, Summary(exception));
                var pause = ClaimBackoff(failures, settings);
                if (failures == 1)
                {
                    logger.LogWarning(exception, "Claiming a {Queue} job failed; trying again in {Pause} ms", typeof(TContext).Name, pause.TotalMilliseconds);
                }
                else
                {
                    logger.LogWarning("Claiming a {Queue} job failed {Failures} times in a row ({Error}); trying again in {Pause} ms", typeof(TContext).Name, failures, _lastError, pause.TotalMilliseconds);
                }

                if (!await PauseAsync(pause, stoppingToken))
                {
                    break;
                }

                continue;
            }

            if (Interlocked.Exchange(ref _failedClaims, 0) > 0)
            {
                logger.LogInformation("Claiming {Queue} jobs works again", typeof(TContext).Name);
            }

            Turn();
            if (job is null)
            {
                slots.Release();
                if (!await PauseAsync(settings.PollInterval, stoppingToken))
                {
                    break;
                }

                continue;
            }

            Interlocked.Increment(ref _busy);
            running.RemoveAll(t => t.IsCompleted);
            var run = new JobRun<TContext>(queue, scopes, settings, logger, _workerId, metrics);
            running.Add(Task.Run(
                () => run.RunAsync(job, claimedFrom, released: () =>
                {
                    Interlocked.Decrement(ref _busy);
                    slots.Release();
                }, stoppingToken),
                CancellationToken.None));
        }

        await Task.WhenAll(running);
    }

    private static string WorkerId()
    {
        var id = $"{Environment.ProcessId}:{Guid.NewGuid():N}@{Environment.MachineName}";
        return id.Length > 128 ? id[..128] : id;
    }

    internal static async Task<bool> PauseAsync(TimeSpan pause, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(pause, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The innermost cause in one line, for the log.</summary>
    internal static string Summary(Exception exception)
    {
        var root = exception;
        while (root.InnerException is { } inner)
        {
            root = inner;
        }

        return $"{root.GetType().Name}: {root.Message}";
    }

    private void Turn() => Volatile.Write(ref _lastTurn, Stopwatch.GetTimestamp());
}
