using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceNote.Infrastructure.Crypto;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Infrastructure.Storage;
using VoiceNote.Modules.Operations.Application.Backups.Archive;
using VoiceNote.Modules.Operations.Infrastructure.Backups;

namespace VoiceNote.Modules.Operations.Application.Backups.RestoreBackup;

/// <summary>
/// Restores an archive into an empty database and an empty storage root (ADR 0088): verify everything first, refuse
/// an archive with migrations this build does not know, then pg_restore, the files, the master keys, and the
/// migrations this build adds. The purge log beside the storage root is left alone: replayed at the next start, it
/// purges again whoever the archive still holds.
/// </summary>
internal sealed class BackupRestorer(
    NpgsqlDataSource dataSource,
    IServiceScopeFactory scopes,
    IEnumerable<ModuleDescriptor> modules,
    MasterKeyVault keys,
    PostgresTools postgres,
    DatabaseMigrator migrator,
    IOptions<StorageOptions> storage,
    ILogger<BackupRestorer> logger)
{
    public async Task<RestoreSummary> RestoreAsync(string archive, string passphrase, CancellationToken cancellationToken)
    {
        var verified = await ArchiveReader.VerifyAsync(Path.GetFullPath(archive), passphrase, cancellationToken);
        CheckVersion(verified.Manifest);
        await CheckTargetIsEmptyAsync(verified.MasterKeys, cancellationToken);

        var dump = Path.Combine(Path.GetTempPath(), $"voicenote-restore-{Guid.NewGuid():N}.dump");
        try
        {
            await ArchiveReader.ExtractAsync(verified, name => name == ArchiveLayout.Dump ? dump : null, cancellationToken);
            int serverMajor;
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            {
                serverMajor = await PostgresTools.ServerMajorAsync(connection, cancellationToken);
            }

            await postgres.RestoreAsync(dump, serverMajor, cancellationToken);
        }
        finally
        {
            File.Delete(dump);
        }

        var root = storage.Value.FullRoot;
        var files = await ArchiveReader.ExtractAsync(
            verified,
            name => name.StartsWith(ArchiveLayout.StoragePrefix, StringComparison.Ordinal)
                ? Path.Combine(root, StorageKeys.Checked(name[ArchiveLayout.StoragePrefix.Length..]))
                : null,
            cancellationToken);
        keys.Install(verified.MasterKeys);

        // The restored schema has what the archive's version had; this build's newer migrations follow.
        NpgsqlConnection.ClearAllPools();
        await migrator.MigrateAsync(cancellationToken);
        logger.LogInformation("Restored {Archive} ({Files} stored files, made {CreatedAt} by {Version})", archive, files, verified.Manifest.CreatedAt, verified.Manifest.AppVersion);
        return new RestoreSummary(files, verified.Manifest.AppVersion, verified.Manifest.CreatedAt);
    }

    /// <summary>An archive restores when this build knows every migration it had applied; newer ones are applied after.</summary>
    private void CheckVersion(BackupManifest manifest)
    {
        using var scope = scopes.CreateScope();
        foreach (var archived in manifest.Modules)
        {
            var module = modules.FirstOrDefault(m => m.Name == archived.Name && m.Schema == archived.Schema)
                ?? throw Newer(manifest, $"its module {archived.Name} is not part of this version");
            var known = ((DbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType)).Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            if (archived.Migrations.FirstOrDefault(m => !known.Contains(m)) is { } unknown)
            {
                throw Newer(manifest, $"module {archived.Name} had applied migration {unknown}, which this version does not know");
            }
        }
    }

    private static BackupException Newer(BackupManifest manifest, string why) =>
        new($"The archive was made by a newer or different version ({manifest.AppVersion}): {why}. Restore it with that version or a later one; nothing was written.");

    private async Task CheckTargetIsEmptyAsync(IReadOnlyList<byte[]> masterKeys, CancellationToken cancellationToken)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await using var command = new NpgsqlCommand(
                "SELECT string_agg(DISTINCT table_schema, ', ') FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
                connection);
            if (await command.ExecuteScalarAsync(cancellationToken) is string schemas)
            {
                throw new BackupException(
                    $"The database {connection.Database} is not empty (it has tables in {schemas}): restore only into a new, empty database. Nothing was written.");
            }
        }

        var root = storage.Value.FullRoot;
        if (Directory.Exists(root) && Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any(f => Path.GetFullPath(f) != keys.KeyFile))
        {
            throw new BackupException($"The storage root {root} is not empty: restore only into an empty (or missing) folder. Nothing was written.");
        }

        if (keys.Conflict(masterKeys) is { } conflict)
        {
            throw new BackupException(conflict + " Nothing was written.");
        }
    }
}

/// <summary>What a restore put back.</summary>
internal sealed record RestoreSummary(int StoredFiles, string AppVersion, DateTimeOffset CreatedAt);
