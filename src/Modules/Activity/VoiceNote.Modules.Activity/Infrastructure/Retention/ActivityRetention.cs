using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Retention;
using VoiceNote.Modules.Activity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Activity.Infrastructure.Retention;

/// <summary>
/// <c>activity.old</c>: deletes entries older than <see cref="ActivityOptions.RetentionDays"/>, run by the retention
/// scheduler (ADR 0084). The table refuses every UPDATE and DELETE (a statement trigger) except in a transaction that
/// set <c>voicenote.activity_prune</c>: this is the only code that does (docs/decisions/0078). Batches keep each
/// transaction short; several processes may prune at once, deleting a row twice is harmless.
/// </summary>
internal sealed class ActivityRetention(IServiceScopeFactory scopes, IOptionsMonitor<ActivityOptions> options, TimeProvider clock) : IRetentionRule
{
    internal const string PruneSetting = "voicenote.activity_prune";

    private const int BatchSize = 5_000;

    public string Name => "activity.old";

    public string Description => "Activity log entries.";

    public string ConfigurationKey => ActivityOptions.Section + ":" + nameof(ActivityOptions.RetentionDays);

    public TimeSpan Period => TimeSpan.FromDays(options.CurrentValue.RetentionDays);

    public Task<int> RunAsync(CancellationToken cancellationToken) => PruneAsync(cancellationToken);

    /// <summary>One prune; returns how many entries went.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - Period;
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
}
