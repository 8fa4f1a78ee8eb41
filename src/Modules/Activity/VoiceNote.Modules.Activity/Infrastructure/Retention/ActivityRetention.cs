using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceNote.Modules.Activity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Activity.Infrastructure.Retention;

/// <summary>
/// Deletes entries older than <see cref="ActivityOptions.RetentionDays"/> on a timer, as the storage sweep does. The
/// table refuses every UPDATE and DELETE (a statement trigger) except in a transaction that set
/// <c>voicenote.activity_prune</c>: this is the only code that does (docs/decisions/0078). Batches keep each
/// transaction short; several processes may prune at once, deleting a row twice is harmless.
/// </summary>
internal sealed class ActivityRetention(
    IServiceScopeFactory scopes,
    IOptions<ActivityOptions> options,
    TimeProvider clock,
    ILogger<ActivityRetention> logger) : BackgroundService
{
    internal const string PruneSetting = "voicenote.activity_prune";

    private const int BatchSize = 5_000;

    /// <summary>One prune; returns how many entries went.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var removed = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ActivityDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT set_config({PruneSetting}, 'on', true)", cancellationToken);
            var batch = await db.Database.ExecuteSqlAsync(
                $"DELETE FROM activity.entries WHERE id IN (SELECT id FROM activity.entries WHERE occurred_at < {cutoff} ORDER BY occurred_at LIMIT {BatchSize})",
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            removed += batch;
            if (batch < BatchSize)
            {
                return removed;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PruneEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PruneInterval, clock);
        do
        {
            try
            {
                var removed = await PruneAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("The activity prune removed {Count} entries older than {Days} days", removed, options.Value.RetentionDays);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The activity prune failed; trying again at the next interval.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
