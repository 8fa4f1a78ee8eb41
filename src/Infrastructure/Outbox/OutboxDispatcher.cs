using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceNote.Contracts;
using VoiceNote.Infrastructure.Persistence;

namespace VoiceNote.Infrastructure.Outbox;

/// <summary>
/// Delivers outbox rows of every module to their handlers, at least once. Rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so any number of processes can dispatch from one database; a row is
/// marked processed in the claiming transaction only after every handler succeeded. A crash between
/// a handler's commit and that mark makes the row come back, and the inbox skips the handler.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleDescriptor> modules,
    IntegrationEventRegistry registry,
    InboxInvoker inbox,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>Dispatches one batch from every module; returns how many messages were delivered or retried.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var module in modules)
        {
            handled += await DispatchModuleAsync(module, cancellationToken);
        }

        return handled;
    }

    private async Task<int> DispatchModuleAsync(ModuleDescriptor module, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);

        // The schema is a checked identifier; the values are parameters.
        var claim = "SELECT * FROM " + Sql.Identifier(context.Schema) + ".outbox_messages WHERE processed_at IS NULL AND parked_at IS NULL AND next_attempt_at <= {0} ORDER BY occurred_at, id LIMIT {1} FOR UPDATE SKIP LOCKED";
        var batch = await context.OutboxMessages
            .FromSqlRaw(
                claim,
                clock.GetUtcNow(),
                options.Value.BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var message in batch)
        {
            await DeliverAsync(message, cancellationToken);
        }

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var eventType = registry.FindEventType(message.Type);
            if (eventType is not null)
            {
                var integrationEvent = (IIntegrationEvent)JsonSerializer.Deserialize(message.Payload, eventType, OutboxJson.Options)!;
                foreach (var handlerType in registry.HandlersOf(eventType))
                {
                    await inbox.InvokeAsync(handlerType, integrationEvent, cancellationToken);
                }
            }

            // No subscriber yet is not an error: the event is recorded and done.
            message.ProcessedAt = clock.GetUtcNow();
            message.LastError = null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            RecordFailure(message, exception);
        }
    }

    private void RecordFailure(OutboxMessage message, Exception exception)
    {
        var settings = options.Value;
        message.Attempts++;
        var error = $"{exception.GetType().Name}: {exception.Message}";
        message.LastError = error.Length > 2000 ? error[..2000] : error;
        if (message.Attempts >= settings.MaxAttempts)
        {
            message.ParkedAt = clock.GetUtcNow();
            logger.LogError(exception, "Outbox message {MessageId} ({Type}) parked after {Attempts} attempts", message.Id, message.Type, message.Attempts);
            return;
        }

        var delay = TimeSpan.FromTicks(Math.Min(settings.MaxRetryDelay.Ticks, settings.BaseRetryDelay.Ticks * (1L << Math.Min(message.Attempts - 1, 20))));
        message.NextAttemptAt = clock.GetUtcNow() + delay;
        logger.LogWarning(exception, "Outbox message {MessageId} ({Type}) failed attempt {Attempts}; retry in {Delay}", message.Id, message.Type, message.Attempts, delay);
    }
}
