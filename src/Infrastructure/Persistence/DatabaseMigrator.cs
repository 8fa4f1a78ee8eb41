using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace VoiceNote.Infrastructure.Persistence;

/// <summary>
/// Applies every module's migrations, each into its own schema. An advisory lock makes several
/// processes starting at once (API + workers) take turns instead of racing.
/// </summary>
public sealed class DatabaseMigrator(IServiceScopeFactory scopes, NpgsqlDataSource dataSource, IEnumerable<ModuleDescriptor> modules, ILogger<DatabaseMigrator> logger)
{
    private const long MigrationLockKey = 0x766f6963656e6f74; // "voicenot"

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS vector", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", connection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            foreach (var module in modules)
            {
                await using var scope = scopes.CreateAsyncScope();
                var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
                // MigrateAsync checks for the history table before reading it (GetPendingMigrations does not, and logs an error on a new database).
                logger.LogInformation("Migrating module {Module} (schema {Schema})", module.Name, module.Schema);
                await context.Database.MigrateAsync(cancellationToken);
            }
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }

        // New types (vector) may have appeared since pooled connections loaded their type catalog.
        await connection.ReloadTypesAsync(cancellationToken);
    }
}
