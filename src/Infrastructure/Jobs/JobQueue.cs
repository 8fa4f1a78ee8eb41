using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceNote.Application.Jobs;
using VoiceNote.Infrastructure.Persistence;

namespace VoiceNote.Infrastructure.Jobs;

/// <summary>
/// A durable queue in one module's schema. Workers claim with <c>FOR UPDATE SKIP LOCKED</c> and hold a
/// lease they renew by heartbeat; a job whose worker died is claimed again after its lease expires.
/// Every state change is conditional on the lease owner, so a worker that lost its lease cannot
/// overwrite the new owner's work. Times come from <see cref="TimeProvider"/> so tests can move them.
/// </summary>
public sealed class JobQueue<TContext>(IServiceScopeFactory scopes, IOptions<JobQueueOptions> options, TimeProvider clock) : IJobQueue, IFinishedJobs
    where TContext : ModuleDbContext
{
    private const string Processing = nameof(JobStatus.Processing);
    private string? _name;

    public string Name => _name ??= SchemaOf();

    /// <summary>Adds a job to the caller's unit of work: it becomes visible when that transaction commits.</summary>
    public JobRecord Enqueue(TContext db, string kind, object payload, Guid? ownerId, int maxAttempts = 5)
    {
        var now = clock.GetUtcNow();
        var job = new JobRecord
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            OwnerId = ownerId,
            Payload = JsonSerializer.Serialize(payload, JsonSerializerOptions.Web),
            MaxAttempts = maxAttempts,
            RunAfter = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Set<JobRecord>().Add(job);
        return job;
    }

    /// <summary>
    /// Claims the next due job of these kinds, or a job whose worker's lease expired; null when there is none.
    /// Fair across owners: the job of the owner with the fewest jobs running now comes first, then the
    /// oldest, so one owner's hundred uploads do not hold everybody else's back (issue 12).
    /// A worker never reclaims its own expired lease: its run of that job is still going (a late heartbeat), and
    /// claiming it again would run the job twice in one process.
    /// </summary>
    public async Task<ClaimedJob?> ClaimAsync(string workerId, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await WithConnectionAsync(async (connection, schema) =>
        {
            // Jobs whose lease ran out with no attempts left are dead: their worker kept dying.
            await using (var reap = new NpgsqlCommand(
                $"""
                UPDATE {schema}.jobs SET status = 'Failed', finished_at = @now, updated_at = @now, lease_owner = NULL, lease_expires_at = NULL,
                    error = coalesce(error, 'The worker running it stopped responding on every attempt.')
                WHERE status = '{Processing}' AND lease_expires_at < @now AND attempts >= max_attempts AND kind = ANY(@kinds)
                """, connection))
            {
                reap.Parameters.AddWithValue("now", now);
                reap.Parameters.AddWithValue("kinds", kinds.ToArray());
                await reap.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var claim = new NpgsqlCommand(
                $"""
                WITH running AS (
                    SELECT owner_id, count(*) AS jobs FROM {schema}.jobs
                    WHERE status = '{Processing}' AND lease_expires_at >= @now
                    GROUP BY owner_id)
                UPDATE {schema}.jobs SET status = '{Processing}', lease_owner = @worker, lease_expires_at = @now + @lease,
                    attempts = attempts + 1, updated_at = @now
                WHERE id = (
                    SELECT j.id FROM {schema}.jobs j
                    LEFT JOIN running r ON r.owner_id IS NOT DISTINCT FROM j.owner_id
                    WHERE j.kind = ANY(@kinds) AND j.cancel_requested = false
                      AND ((j.status = 'Pending' AND j.run_after <= @now)
                        OR (j.status = '{Processing}' AND j.lease_expires_at < @now AND j.attempts < j.max_attempts AND j.lease_owner <> @worker))
                    ORDER BY coalesce(r.jobs, 0), j.run_after, j.created_at
                    LIMIT 1
                    FOR UPDATE OF j SKIP LOCKED)
                RETURNING id, kind, payload::text, attempts, max_attempts
                """, connection);
            claim.Parameters.AddWithValue("worker", workerId);
            claim.Parameters.AddWithValue("now", now);
            claim.Parameters.AddWithValue("lease", options.Value.LeaseDuration);
            claim.Parameters.AddWithValue("kinds", kinds.ToArray());
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new ClaimedJob(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4))
                : null;
        }, cancellationToken);
    }

    /// <summary>Renews the lease. Null when the lease is lost (another worker took the job); otherwise whether cancel was requested.</summary>
    public Task<bool?> HeartbeatAsync(Guid jobId, string workerId, CancellationToken cancellationToken) =>
        WithConnectionAsync(async (connection, schema) =>
        {
            var now = clock.GetUtcNow();
            await using var command = new NpgsqlCommand(
                $"UPDATE {schema}.jobs SET lease_expires_at = @now + @lease, updated_at = @now WHERE id = @id AND lease_owner = @worker AND status = '{Processing}' RETURNING cancel_requested",
                connection);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("lease", options.Value.LeaseDuration);
            command.Parameters.AddWithValue("id", jobId);
            command.Parameters.AddWithValue("worker", workerId);
            return (bool?)await command.ExecuteScalarAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Records the stage and progress of a job this worker holds.</summary>
    public Task ReportAsync(Guid jobId, string workerId, string stage, int progress, CancellationToken cancellationToken) =>
        WithConnectionAsync(async (connection, schema) =>
        {
            await using var command = new NpgsqlCommand(
                $"UPDATE {schema}.jobs SET stage = @stage, progress = @progress, updated_at = @now WHERE id = @id AND lease_owner = @worker AND status = '{Processing}'",
                connection);
            command.Parameters.AddWithValue("stage", stage);
            command.Parameters.AddWithValue("progress", Math.Clamp(progress, 0, 100));
            command.Parameters.AddWithValue("now", clock.GetUtcNow());
            command.Parameters.AddWithValue("id", jobId);
            command.Parameters.AddWithValue("worker", workerId);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Ends this worker's run: completed, retried later with backoff, failed for good, or cancelled.</summary>
    public Task FinishAsync(ClaimedJob job, string workerId, JobOutcome outcome, bool cancelled, CancellationToken cancellationToken) =>
        WithConnectionAsync(async (connection, schema) =>
        {
            var now = clock.GetUtcNow();
            var settings = options.Value;
            var (status, runAfter, finished) = (outcome, cancelled) switch
            {
                (_, true) => (JobStatus.Cancelled, now, true),
                ({ Succeeded: true }, _) => (JobStatus.Completed, now, true),
                ({ Retryable: true }, _) when job.Attempt < job.MaxAttempts =>
                    (JobStatus.Pending, now + Backoff(job.Attempt, settings), false),
                _ => (JobStatus.Failed, now, true),
            };
            await using var command = new NpgsqlCommand(
                $"""
                UPDATE {schema}.jobs SET status = @status, run_after = @runAfter, error = @error, lease_owner = NULL, lease_expires_at = NULL,
                    progress = CASE WHEN @status = 'Completed' THEN 100 ELSE progress END, finished_at = @finished, updated_at = @now
                WHERE id = @id AND lease_owner = @worker AND status = '{Processing}'
                """, connection);
            command.Parameters.AddWithValue("status", status.ToString());
            command.Parameters.AddWithValue("runAfter", runAfter);
            command.Parameters.AddWithValue("error", (object?)Truncate(cancelled ? "Cancelled by request." : outcome.Error) ?? DBNull.Value);
            command.Parameters.AddWithValue("finished", finished ? now : DBNull.Value);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("id", job.Id);
            command.Parameters.AddWithValue("worker", workerId);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Cancels a job: a pending one at once, a running one at its next heartbeat. False when it had already finished.</summary>
    public Task<bool> CancelAsync(Guid jobId, CancellationToken cancellationToken) =>
        WithConnectionAsync(async (connection, schema) =>
        {
            var now = clock.GetUtcNow();
            await using var command = new NpgsqlCommand(
                $"""
                UPDATE {schema}.jobs SET
                    status = CASE WHEN status = 'Pending' THEN 'Cancelled' ELSE status END,
                    finished_at = CASE WHEN status = 'Pending' THEN @now ELSE finished_at END,
                    cancel_requested = true, updated_at = @now
                WHERE id = @id AND status IN ('Pending', '{Processing}')
                """, connection);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("id", jobId);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    /// <summary>An operator's retry of a failed or cancelled job: pending again with a fresh set of attempts.</summary>
    public Task<bool> RetryAsync(Guid jobId, CancellationToken cancellationToken) =>
        WithConnectionAsync(async (connection, schema) =>
        {
            var now = clock.GetUtcNow();
            await using var command = new NpgsqlCommand(
                $"""
                UPDATE {schema}.jobs SET status = 'Pending', attempts = 0, run_after = @now, cancel_requested = false, finished_at = NULL, updated_at = @now
                WHERE id = @id AND status IN ('Failed', 'Cancelled')
                """, connection);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("id", jobId);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    /// <summary>Deletes jobs that finished longer ago than <paramref name="retention"/> (the <c>jobs.finished</c> rule passes <c>Jobs:Retention</c>).</summary>
    public Task<int> PurgeFinishedAsync(TimeSpan retention, CancellationToken cancellationToken) =>
        WithConnectionAsync(async (connection, schema) =>
        {
            await using var command = new NpgsqlCommand($"DELETE FROM {schema}.jobs WHERE finished_at < @cutoff", connection);
            command.Parameters.AddWithValue("cutoff", clock.GetUtcNow() - retention);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Two aggregates over the claim index's (status, run_after): cheap at any queue length.</summary>
    public Task<QueueDepth> MeasureAsync(CancellationToken cancellationToken) =>
        WithConnectionAsync(async (connection, schema) =>
        {
            var now = clock.GetUtcNow();
            await using var command = new NpgsqlCommand(
                $"""
                SELECT count(*) FILTER (WHERE status = 'Pending'), count(*) FILTER (WHERE status = '{Processing}'),
                    min(run_after) FILTER (WHERE status = 'Pending' AND run_after <= @now AND NOT cancel_requested)
                FROM {schema}.jobs WHERE status IN ('Pending', '{Processing}')
                """, connection);
            command.Parameters.AddWithValue("now", now);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            DateTimeOffset? oldest = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2);
            return new QueueDepth(Name, reader.GetInt64(0), reader.GetInt64(1), oldest, now);
        }, cancellationToken);

    public async Task<IReadOnlyList<JobRecord>> ListAsync(JobFilter filter, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await Filtered(scope, filter).OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Take(filter.Limit).ToListAsync(cancellationToken);
    }

    public async Task<long> CountAsync(JobFilter filter, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await Filtered(scope, filter).LongCountAsync(cancellationToken);
    }

    public async Task<JobRecord?> FindAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TContext>().Set<JobRecord>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
    }

    internal static TimeSpan Backoff(int attempt, JobQueueOptions settings) =>
        TimeSpan.FromTicks(Math.Min(settings.MaxRetryDelay.Ticks, settings.BaseRetryDelay.Ticks * (1L << Math.Clamp(attempt - 1, 0, 20))));

    private static string? Truncate(string? text) => text is { Length: > 4000 } ? text[..4000] : text;

    private static IQueryable<JobRecord> Filtered(AsyncServiceScope scope, JobFilter filter)
    {
        var jobs = scope.ServiceProvider.GetRequiredService<TContext>().Set<JobRecord>().AsNoTracking();
        if (filter.Kind is { } kind)
        {
            jobs = jobs.Where(j => j.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            jobs = jobs.Where(j => j.Status == status);
        }

        if (filter.CreatedFrom is { } from)
        {
            jobs = jobs.Where(j => j.CreatedAt >= from);
        }

        if (filter.CreatedTo is { } to)
        {
            jobs = jobs.Where(j => j.CreatedAt < to);
        }

        if (filter.After is { } after)
        {
            jobs = jobs.Where(j => EF.Functions.LessThan(ValueTuple.Create(j.CreatedAt, j.Id), ValueTuple.Create(after.CreatedAt, after.Id)));
        }

        return jobs;
    }

    private string SchemaOf()
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<TContext>().Schema;
    }

    private async Task<T> WithConnectionAsync<T>(Func<NpgsqlConnection, string, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await work(connection, Sql.Identifier(db.Schema));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
