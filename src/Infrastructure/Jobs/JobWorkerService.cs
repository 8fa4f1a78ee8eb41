using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Jobs;
using VoiceNote.Infrastructure.Persistence;

namespace VoiceNote.Infrastructure.Jobs;

/// <summary>
/// Runs a module's jobs in this process: up to <see cref="JobQueueOptions.Concurrency"/> at once, each
/// with a heartbeat that renews its lease (a third of the lease) and notices cancellation or a lost
/// lease. The API runs it by default; the <c>worker</c> verb runs only this and the outbox.
/// </summary>
public sealed class JobWorkerService<TContext>(
    JobQueue<TContext> queue,
    IServiceScopeFactory scopes,
    JobKinds<TContext> kinds,
    IOptions<JobQueueOptions> options,
    ILogger<JobWorkerService<TContext>> logger) : BackgroundService
    where TContext : ModuleDbContext
{
    // Unique per process and service instance; shown in the lease_owner column (128 characters at most).
    private readonly string _workerId = WorkerId();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || kinds.All.Count == 0)
        {
            return;
        }

        using var slots = new SemaphoreSlim(settings.Concurrency);
        var running = new List<Task>();
        var lastCleanup = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stoppingToken);
                var job = await queue.ClaimAsync(_workerId, kinds.All, stoppingToken);
                if (job is null)
                {
                    slots.Release();
                    if (DateTimeOffset.UtcNow - lastCleanup > settings.CleanupInterval)
                    {
                        lastCleanup = DateTimeOffset.UtcNow;
                        await queue.PurgeFinishedAsync(stoppingToken);
                    }

                    await Task.Delay(settings.PollInterval, stoppingToken);
                    continue;
                }

                running.RemoveAll(t => t.IsCompleted);
                running.Add(Task.Run(() => RunAsync(job, slots, stoppingToken), CancellationToken.None));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Claiming a job failed; retrying after the poll interval");
                await Task.Delay(settings.PollInterval, CancellationToken.None);
            }
        }

        await Task.WhenAll(running);
    }

    private static string WorkerId()
    {
        var id = $"{Environment.ProcessId}:{Guid.NewGuid():N}@{Environment.MachineName}";
        return id.Length > 128 ? id[..128] : id;
    }

    private async Task RunAsync(ClaimedJob job, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var cancelled = false;
        var heartbeat = Task.Run(async () =>
        {
            var interval = options.Value.LeaseDuration / 3;
            while (!run.IsCancellationRequested)
            {
                await Task.Delay(interval, run.Token);
                var state = await queue.HeartbeatAsync(job.Id, _workerId, run.Token);
                if (state is null or true)
                {
                    cancelled = state is true;
                    await run.CancelAsync();
                }
            }
        }, CancellationToken.None);

        JobOutcome outcome;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().Single(h => h.Kind == job.Kind);
            var context = new JobContext(job.Id, job.Payload, job.Attempt, job.MaxAttempts, (stage, progress, ct) => queue.ReportAsync(job.Id, _workerId, stage, progress, ct));
            outcome = await handler.RunAsync(context, run.Token);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            outcome = JobOutcome.Retry("The run was interrupted.");
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Job {JobId} ({Kind}) threw on attempt {Attempt}", job.Id, job.Kind, job.Attempt);
            // The job's error is shown to the job's owner: the exception's message (paths, remote text) stays in the log above.
            outcome = JobOutcome.Retry($"The run stopped on an unexpected error ({exception.GetType().Name}); the details are in the server's log.");
        }
        finally
        {
            await run.CancelAsync();
            try
            {
                await heartbeat;
            }
            catch (OperationCanceledException)
            {
                // The heartbeat ends with the run.
            }

            slots.Release();
        }

        if (stoppingToken.IsCancellationRequested && !cancelled)
        {
            // Shutting down: leave the lease to expire so another worker resumes the job.
            return;
        }

        await queue.FinishAsync(job, _workerId, outcome, cancelled, CancellationToken.None);
    }
}
