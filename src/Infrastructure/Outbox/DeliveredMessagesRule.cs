using Microsoft.Extensions.Options;
using Npgsql;
using VoiceNote.Application.Retention;
using VoiceNote.Infrastructure.Persistence;

namespace VoiceNote.Infrastructure.Outbox;

/// <summary>
/// <c>outbox.delivered</c>: every module's delivered outbox messages and inbox records older than
/// <c>Outbox:DeliveredRetention</c> (ADR 0084, 0085). Parked messages stay for operators to read. Batches keep each
/// statement short.
/// </summary>
internal sealed class DeliveredMessagesRule(NpgsqlDataSource dataSource, IEnumerable<ModuleDescriptor> modules, IOptionsMonitor<OutboxOptions> options, TimeProvider clock)
    : IRetentionRule
{
    private const int BatchSize = 10_000;

    public string Name => "outbox.delivered";

    public string Description => "Delivered integration events, and each module's record of having handled them.";

    public string ConfigurationKey => OutboxOptions.Section + ":" + nameof(OutboxOptions.DeliveredRetention);

    public TimeSpan Period => options.CurrentValue.DeliveredRetention;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - Period;
        var removed = 0;
        foreach (var schema in modules.Select(m => Sql.Identifier(m.Schema)).Distinct())
        {
            removed += await DeleteAsync($"{schema}.outbox_messages", "processed_at", cutoff, cancellationToken);
            await DeleteAsync($"{schema}.inbox_messages", "processed_at", cutoff, cancellationToken);
        }

        return removed;
    }

    /// <summary>Deletes in batches; returns how many rows went.</summary>
    private async Task<int> DeleteAsync(string table, string column, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var total = 0;
        int batch;
        do
        {
            await using var command = dataSource.CreateCommand(
                $"DELETE FROM {table} WHERE ctid IN (SELECT ctid FROM {table} WHERE {column} < $1 LIMIT {BatchSize})");
            command.Parameters.Add(new NpgsqlParameter { Value = cutoff });
            batch = await command.ExecuteNonQueryAsync(cancellationToken);
            total += batch;
        }
        while (batch == BatchSize);

        return total;
    }
}
