using System.Reflection;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Persistence;
using VoiceNote.Infrastructure.Outbox;

namespace VoiceNote.Infrastructure.Persistence;

/// <summary>
/// One transaction per command on the module's DbContext. When a transaction is already open (an
/// integration-event handler sending a command), the command joins it instead of nesting.
/// </summary>
internal sealed class ModuleUnitOfWork<TContext>(TContext context, ModuleDescriptor module, OutboxSignal signal) : IUnitOfWork
    where TContext : ModuleDbContext
{
    public bool Owns(Type requestType) => module.Owns(requestType.Assembly);

    public async Task<T> RunAsync<T>(Func<Task<T>> work, Func<T, bool> shouldCommit, CancellationToken cancellationToken)
    {
        if (context.Database.CurrentTransaction is not null)
        {
            var joined = await work();
            if (shouldCommit(joined))
            {
                await context.SaveChangesAsync(cancellationToken);
            }

            return joined;
        }

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var response = await work();
        if (!shouldCommit(response))
        {
            await transaction.RollbackAsync(cancellationToken);
            context.ChangeTracker.Clear();
            return response;
        }

        var published = context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (published)
        {
            signal.Notify();
        }

        return response;
    }
}

/// <summary>What the host knows of a module: its name, schema, DbContext and the assemblies whose use cases it runs.</summary>
public sealed record ModuleDescriptor(string Name, string Schema, Type DbContextType, IReadOnlyList<Assembly> Assemblies)
{
    public bool Owns(Assembly assembly) => Assemblies.Contains(assembly);
}
