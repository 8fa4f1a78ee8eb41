using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Contracts;
using VoiceNote.Infrastructure.Persistence;

namespace VoiceNote.Infrastructure.Outbox;

/// <summary>
/// Runs one handler for one event inside the consuming module's transaction, together with the inbox
/// row that records it. A redelivered event finds the row and is skipped: at-least-once delivery,
/// exactly-once effect.
/// </summary>
public sealed class InboxInvoker(IServiceScopeFactory scopes, IEnumerable<ModuleDescriptor> modules, TimeProvider clock)
{
    /// <returns>True when the handler ran; false when the inbox showed it had already handled the event.</returns>
    public async Task<bool> InvokeAsync(Type handlerType, IIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var module = modules.FirstOrDefault(m => m.Owns(handlerType.Assembly))
            ?? throw new InvalidOperationException($"{handlerType} is in no registered module; its inbox has nowhere to live.");

        await using var scope = scopes.CreateAsyncScope();
        var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);

        var handlerName = handlerType.FullName!;
        // The schema is a checked identifier; the values are parameters.
        var claim = "INSERT INTO " + Sql.Identifier(context.Schema) + ".inbox_messages (message_id, handler, processed_at) VALUES ({0}, {1}, {2}) ON CONFLICT DO NOTHING";
        var claimed = await context.Database.ExecuteSqlRawAsync(
            claim,
            [integrationEvent.Id, handlerName, clock.GetUtcNow()],
            cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        var handlerInterface = IntegrationEventRegistry.HandlerInterfaceFor(integrationEvent.GetType());
        var handler = scope.ServiceProvider.GetServices(handlerInterface).Single(h => h!.GetType() == handlerType)!;
        var handle = handlerInterface.GetMethod(nameof(IIntegrationEventHandler<IIntegrationEvent>.Handle))!;
        await (Task)handle.Invoke(handler, [integrationEvent, cancellationToken])!;

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
