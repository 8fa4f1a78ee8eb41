using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceNote.Application.Jobs;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Infrastructure.Telemetry;

namespace VoiceNote.Infrastructure.Jobs;

/// <summary>
/// One claimed job, run to its end in this process: the handler under a lease that <see cref="LeaseKeeper{TContext}"/>
/// renews, an exception turned into a retry whose text shows the owner no internals, and the end recorded
/// unless the lease was lost or the process is stopping (then another worker resumes the job).
/// </summary>
internal sealed class JobRun<TContext>(
    JobQueue<TContext> queue,
    IServiceScopeFactory scopes,
    JobQueueOptions settings,
    ILogger logger,
    string workerId,
    VoiceNoteMetrics metrics)
    where TContext : ModuleDbContext
{
    // The stage this run is in and since when (Stopwatch ticks), for the stage durations.
    private string? _stage;
    private long _stageSince;

    /// <param name="released">called once the handler has returned, before the end is recorded: the slot is free again</param>
    public async Task RunAsync(ClaimedJob job, long leaseFrom, Action released, CancellationToken stoppingToken)
    {
        // A root span per run (null unless traces are exported): its trace id is in the scope of every line the run logs.
        using var activity = VoiceNoteActivities.Source.StartActivity($"job {job.Kind}", ActivityKind.Internal, parentContext: default);
        activity?.SetTag("job.id", job.Id).SetTag("job.kind", job.Kind).SetTag("job.attempt", job.Attempt);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var lease = new LeaseKeeper<TContext>(queue, settings, logger, workerId);
        var renewal = Task.Run(() => lease.KeepAsync(job, leaseFrom, run), CancellationToken.None);

        var started = Stopwatch.GetTimestamp();
        JobOutcome outcome;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().Single(h => h.Kind == job.Kind);
            var context = new JobContext(job.Id, job.Payload, job.Attempt, job.MaxAttempts, (stage, progress, ct) => ReportAsync(job, stage, progress, ct));
            outcome = await handler.RunAsync(context, run.Token);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            outcome = JobOutcome.Retry("The run was interrupted.");
        }
        catch (Exception exception)
        {
            var transient = TransientDatabaseFailure.IsTransient(exception);
            if (transient)
            {
                logger.LogWarning("Job {JobId} ({Kind}) lost its database on attempt {Attempt}: {Error}", job.Id, job.Kind, job.Attempt, JobWorkerService<TContext>.Summary(exception));
            }
            else
            {
                logger.LogError(exception, "Job {JobId} ({Kind}) threw on attempt {Attempt}", job.Id, job.Kind, job.Attempt);
            }

            // The job's error is shown to the job's owner: the exception's message (paths, remote text) stays in the log above.
            outcome = JobOutcome.Retry(transient
                ? "The run lost its database connection; it is tried again."
                : $"The run stopped on an unexpected error ({exception.GetType().Name}); the details are in the server's log.");
        }
        finally
        {
            await run.CancelAsync();
            await renewal;
            released();
        }

        RecordDurations(job, started, outcome, lease.CancelRequested);

        if (lease.Lost)
        {
            // Another worker holds the job now, or may at any moment: whatever this run did is not its to record.
            logger.LogWarning("Job {JobId} ({Kind}): attempt {Attempt} stopped because its lease was lost", job.Id, job.Kind, job.Attempt);
            if (lease.TakenOver)
            {
                return;
            }
        }

        if (stoppingToken.IsCancellationRequested && !lease.CancelRequested)
        {
            // Shutting down: leave the lease to expire so another worker resumes the job.
            return;
        }

        await FinishAsync(job, outcome, lease.CancelRequested, stoppingToken);
    }

    private void RecordDurations(ClaimedJob job, long started, JobOutcome outcome, bool cancelled)
    {
        EnterStage(job, null);
        var result = cancelled ? "cancelled" : outcome.Succeeded ? "completed" : outcome.Retryable ? "retry" : "failed";
        metrics.RecordJob(queue.Name, job.Kind, result, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Closes the stage the run was in (its time is recorded) and opens <paramref name="stage"/>.</summary>
    private void EnterStage(ClaimedJob job, string? stage)
    {
        lock (this)
        {
            if (string.Equals(stage, _stage, StringComparison.Ordinal))
            {
                return;
            }

            var now = Stopwatch.GetTimestamp();
            if (_stage is not null)
            {
                metrics.RecordStage(queue.Name, job.Kind, _stage, Stopwatch.GetElapsedTime(_stageSince, now));
            }

            (_stage, _stageSince) = (stage, now);
        }
    }

    /// <summary>Progress is for people watching: a database blip while writing it must not fail the job (the lease guards the job).</summary>
    private async Task ReportAsync(ClaimedJob job, string stage, int progress, CancellationToken cancellationToken)
    {
        EnterStage(job, stage);
        try
        {
            await queue.ReportAsync(job.Id, workerId, stage, progress, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && TransientDatabaseFailure.IsTransient(exception))
        {
            logger.LogWarning("Job {JobId} ({Kind}): progress {Stage} {Progress} % not recorded ({Error})", job.Id, job.Kind, stage, progress, JobWorkerService<TContext>.Summary(exception));
        }
    }

    /// <summary>Records how the run ended, trying again while the database is away, until the process stops.</summary>
    private async Task FinishAsync(ClaimedJob job, JobOutcome outcome, bool cancelled, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await queue.FinishAsync(job, workerId, outcome, cancelled, CancellationToken.None);
                return;
            }
            catch (Exception exception)
            {
                var pause = JobWorkerService<TContext>.ClaimBackoff(attempt, settings);
                logger.LogWarning(
                    "Job {JobId} ({Kind}): recording the end of attempt {Attempt} failed ({Error}); trying again in {Pause} ms",
                    job.Id, job.Kind, job.Attempt, JobWorkerService<TContext>.Summary(exception), pause.TotalMilliseconds);
                if (!await JobWorkerService<TContext>.PauseAsync(pause, stoppingToken))
                {
                    // Stopping: the lease runs out and another worker resumes the job.
                    return;
                }
            }
        }
    }
}
