using System.Data;
using System.Formats.Tar;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceNote.Infrastructure.Crypto;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Infrastructure.Storage;
using VoiceNote.Modules.Operations.Application.Backups.Archive;
using VoiceNote.Modules.Operations.Infrastructure.Backups;

namespace VoiceNote.Modules.Operations.Application.Backups.TakeBackup;

/// <summary>
/// Writes one archive while the service runs (ADR 0088): a REPEATABLE READ transaction exports its snapshot; inside it
/// every module lists the files its rows name and each is pinned by a hard link; pg_dump dumps that same snapshot;
/// then the dump, the pinned files, the sealed master keys and the manifest are streamed into a tar file. A file
/// gone before it was pinned (deleted or moved meanwhile) means a fresh snapshot, so no row is kept without its file
/// and no file without its row.
/// </summary>
internal sealed class BackupWriter(
    NpgsqlDataSource dataSource,
    IEnumerable<IStoredFiles> storedFiles,
    IEnumerable<ModuleDescriptor> modules,
    MasterKeyVault keys,
    PostgresTools postgres,
    IOptions<StorageOptions> storage,
    IOptions<BackupOptions> options,
    TimeProvider clock,
    ILogger<BackupWriter> logger)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string AppVersion =>
        typeof(BackupWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task<BackupSummary> WriteAsync(string target, string passphrase, CancellationToken cancellationToken)
    {
        target = Path.GetFullPath(target);
        if (File.Exists(target))
        {
            throw new BackupException($"{target} already exists: a backup never overwrites a file.");
        }

        var secret = Passphrase.New(passphrase);
        var root = storage.Value.FullRoot;
        var staging = Path.Combine(root, ".backup-staging", Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(staging);
            BackupManifest manifest;
            await using (var pinned = await PinAsync(root, staging, cancellationToken))
            {
                await postgres.DumpAsync(pinned.Snapshot, Path.Combine(staging, ArchiveLayout.Dump), pinned.ServerMajor, cancellationToken);
                manifest = new BackupManifest(
                    BackupManifest.CurrentFormat, AppVersion, clock.GetUtcNow(), pinned.ServerVersion, pinned.Migrations, [], secret.Seal(keys.Export()));
                manifest = manifest with { Entries = [.. await WriteTarAsync(target, staging, pinned.Keys, manifest, secret, cancellationToken)] };
            }

            var bytes = new FileInfo(target).Length;
            logger.LogInformation("Backup written to {Path}: {Files} stored files, {Bytes} bytes", target, manifest.Entries.Count - 1, bytes);
            return new BackupSummary(target, manifest.Entries.Count - 1, bytes);
        }
        finally
        {
            TryDeleteFolder(staging);
        }
    }

    /// <summary>A held snapshot whose referenced files are all pinned under the staging folder.</summary>
    private async Task<PinnedSnapshot> PinAsync(string root, string staging, CancellationToken cancellationToken)
    {
        var attempts = Math.Max(1, options.Value.SnapshotAttempts);
        for (var attempt = 1; ; attempt++)
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var pinned = false;
            try
            {
                var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
                await ExecuteAsync(connection, "SET TRANSACTION READ ONLY", cancellationToken);
                var snapshot = (string)(await ScalarAsync(connection, "SELECT pg_export_snapshot()", cancellationToken))!;
                var serverVersion = (string)(await ScalarAsync(connection, "SELECT current_setting('server_version')", cancellationToken))!;
                var serverMajor = await PostgresTools.ServerMajorAsync(connection, cancellationToken);
                var migrations = new List<ModuleMigrations>();
                foreach (var module in modules)
                {
                    migrations.Add(new ModuleMigrations(module.Name, module.Schema, await AppliedMigrationsAsync(connection, module.Schema, cancellationToken)));
                }

                var storedKeys = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var source in storedFiles)
                {
                    await foreach (var key in source.ListAsync(connection, cancellationToken))
                    {
                        storedKeys.Add(StorageKeys.Checked(key));
                    }
                }

                var missing = storedKeys.Where(key => !FilePins.TryPin(Path.Combine(root, key), Path.Combine(staging, "storage", key))).ToList();
                if (missing.Count == 0)
                {
                    pinned = true;
                    return new PinnedSnapshot(connection, transaction, snapshot, serverVersion, serverMajor, migrations, [.. storedKeys]);
                }

                TryDeleteFolder(Path.Combine(staging, "storage"));
                if (attempt >= attempts)
                {
                    throw new BackupException(
                        $"{missing.Count} stored file(s) that rows name were missing in {attempts} fresh snapshots (e.g. {string.Join(", ", missing.Take(5))}): "
                        + "the storage root has lost files; nothing was written.");
                }

                logger.LogInformation("Backup: {Count} file(s) moved or deleted since snapshot {Attempt}; taking a fresh one", missing.Count, attempt);
            }
            finally
            {
                if (!pinned)
                {
                    await connection.DisposeAsync();
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<string>> AppliedMigrationsAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        var table = $"\"{schema}\".\"{VoiceNote.Infrastructure.Modules.ModuleRegistration.MigrationsHistoryTable}\"";
        await using var exists = new NpgsqlCommand("SELECT to_regclass(@t) IS NOT NULL", connection);
        exists.Parameters.AddWithValue("t", table);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return [];
        }

        var applied = new List<string>();
        await using var command = new NpgsqlCommand($"SELECT \"MigrationId\" FROM {table} ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }

    /// <summary>Streams the dump, then the pinned files, then the manifest and its MAC into <paramref name="target"/>.</summary>
    private static async Task<List<ArchiveEntry>> WriteTarAsync(
        string target, string staging, IReadOnlyList<string> storedKeys, BackupManifest manifest, Passphrase secret, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        var entries = new List<ArchiveEntry>();
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await using var tar = new TarWriter(file, TarEntryFormat.Pax, leaveOpen: true);
                entries.Add(await AddFileAsync(tar, Path.Combine(staging, ArchiveLayout.Dump), ArchiveLayout.Dump, cancellationToken));
                foreach (var key in storedKeys)
                {
                    entries.Add(await AddFileAsync(tar, Path.Combine(staging, "storage", key), ArchiveLayout.StoragePrefix + key, cancellationToken));
                }

                var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest with { Entries = entries }, Json);
                await AddBytesAsync(tar, ArchiveLayout.Manifest, manifestBytes, cancellationToken);
                await AddBytesAsync(tar, ArchiveLayout.ManifestMac, System.Text.Encoding.ASCII.GetBytes(secret.Mac(manifestBytes)), cancellationToken);
                await tar.DisposeAsync();
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(partial, target, overwrite: false);
            return entries;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    private static async Task<ArchiveEntry> AddFileAsync(TarWriter tar, string path, string name, CancellationToken cancellationToken)
    {
        string sha256;
        long size;
        await using (var read = File.OpenRead(path))
        {
            size = read.Length;
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, cancellationToken));
        }

        await tar.WriteEntryAsync(path, name, cancellationToken);
        return new ArchiveEntry(name, size, sha256);
    }

    private static async Task AddBytesAsync(TarWriter tar, string name, byte[] content, CancellationToken cancellationToken)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content), Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
        await tar.WriteEntryAsync(entry, cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Only hard links and our own dump: the next backup's staging is another folder.
        }
    }

    /// <summary>The snapshot's transaction, held open until pg_dump has dumped it.</summary>
    private sealed class PinnedSnapshot(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string snapshot,
        string serverVersion,
        int serverMajor,
        IReadOnlyList<ModuleMigrations> migrations,
        IReadOnlyList<string> keys) : IAsyncDisposable
    {
        public string Snapshot => snapshot;

        public string ServerVersion => serverVersion;

        public int ServerMajor => serverMajor;

        public IReadOnlyList<ModuleMigrations> Migrations => migrations;

        public IReadOnlyList<string> Keys => keys;

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}

/// <summary>What a backup wrote.</summary>
internal sealed record BackupSummary(string Path, int StoredFiles, long Bytes);
