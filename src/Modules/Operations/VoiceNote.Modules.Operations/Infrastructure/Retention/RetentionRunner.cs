using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VoiceNote.Application.Retention;
using VoiceNote.Modules.Operations.Domain;
using VoiceNote.Modules.Operations.Infrastructure.Persistence;

namespace VoiceNote.Modules.Operations.Infrastructure.Retention;

/// <summary>
/// Runs one rule under a transaction-level advisory lock keyed on its name, and records the run in the same
/// transaction: two processes never run one rule at once, and a crash leaves neither a lock nor a half-written run.
/// The record of runs is itself kept for <see cref="RunsKept"/> only.
/// </summary>
internal sealed class RetentionRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RetentionRunner> logger)
{
    private static readonly TimeSpan RunsKept = TimeSpan.FromDays(30);

    /// <summary>
    /// Runs <paramref name="rule"/> and returns its recorded run; null when <paramref name="wait"/> is false and
    /// another process is running the rule right now (the scheduler skips it; an operator's run waits its turn).
    /// </summary>
    public async Task<RetentionRun?> RunAsync(IRetentionRule rule, bool wait, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperationsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var key = "voicenote.retention:" + rule.Name;
        if (wait)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", cancellationToken);
        }
        else if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtext({key})) AS \"Value\"").SingleAsync(cancellationToken))
        {
            return null;
        }

        var started = clock.GetUtcNow();
        var removed = 0;
        string? error = null;
        try
        {
            removed = await rule.RunAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "The retention rule {Rule} failed; it runs again at the next interval", rule.Name);
            error = $"{exception.GetType().Name}: {exception.Message}";
            error = error.Length > 2000 ? error[..2000] : error;
        }

        if (removed > 0)
        {
            logger.LogInformation("The retention rule {Rule} removed {Count} items older than {Period}", rule.Name, removed, rule.Period);
        }

        var run = new RetentionRun
        {
            Id = Guid.CreateVersion7(),
            Rule = rule.Name,
            StartedAt = started,
            FinishedAt = clock.GetUtcNow(),
            Removed = removed,
            Error = error,
        };
        db.RetentionRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await db.RetentionRuns.Where(r => r.Rule == rule.Name && r.StartedAt < started - RunsKept).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return run;
    }
}
