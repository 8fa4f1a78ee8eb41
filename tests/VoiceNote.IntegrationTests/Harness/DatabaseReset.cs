using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;
using Respawn.Graph;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Infrastructure.Persistence;

namespace VoiceNote.IntegrationTests.Harness;

/// <summary>
/// Respawn over every module's schema, for the tests that need an empty database (docs/decisions/0008).
/// Kept: each schema's migration history, and the signing keys the running host has loaded (they are the
/// host's state, not a test's rows), and the lookup tables a migration seeds (the cases' statuses and priorities, the activity types).
/// </summary>
internal static class DatabaseReset
{
    public static Task<Respawner> CreateAsync(NpgsqlConnection connection, IServiceProvider services)
    {
        var schemas = services.GetServices<ModuleDescriptor>().Select(m => m.Schema).Distinct().ToArray();
        return Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = schemas,
            TablesToIgnore = [.. schemas.Select(s => new Table(s, ModuleRegistration.MigrationsHistoryTable)), new Table("identity", "signing_keys"),
                new Table("cases", "statuses"), new Table("cases", "priorities"), new Table("activity", "types")],
        });
    }
}
