using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Npgsql;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Operations;

/// <summary>
/// The backup and restore verbs run as an operator runs them: the built executable in its own process, configured
/// through environment variables only (Production), on a fixture's database and storage root.
/// </summary>
internal static class BackupSupport
{
    public const string Passphrase = "correct horse battery staple, twice over";

    public static async Task<(int ExitCode, string Output, string Errors)> RunVerbAsync(
        string connectionString, string storageRoot, string? passphrase, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "VoiceNote.WebApi.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["ConnectionStrings__VoiceNote"] = connectionString;
        env["Database__MigrateOnStartup"] = "false";
        env["Storage__Root"] = storageRoot;
        env["Secrets__MasterKeyFile"] = Path.Combine(storageRoot, "keys", "master.key");
        env["Logging__LogLevel__Default"] = "Warning";
        env.Remove("VOICENOTE_BACKUP_PASSPHRASE");
        if (passphrase is not null)
        {
            env["VOICENOTE_BACKUP_PASSPHRASE"] = passphrase;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Rows per table of every schema, by name.</summary>
    public static async Task<SortedDictionary<string, long>> RowCountsAsync(string connectionString)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables "
            + "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }

    /// <summary>The files the rows name, relative to the storage root (read straight from the tables, as a test may).</summary>
    public static async Task<SortedSet<string>> ReferencedFilesAsync(string connectionString)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT 'audio/' || storage_key FROM audio.audio_files UNION ALL SELECT storage_key FROM exports.exports WHERE storage_key IS NOT NULL", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>Every file under a storage root but its master key, with its SHA-256.</summary>
    public static SortedDictionary<string, string> FilesUnder(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(relative => !relative.StartsWith("keys/", StringComparison.Ordinal))
            .ToDictionary(relative => relative, relative => Sha256Of(Path.Combine(root, relative))), StringComparer.Ordinal);

    public static string Sha256Of(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    public static async Task<long> TableCountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A quarter second of noise: different bytes every time, so no upload is a duplicate of another.</summary>
    public static ByteArrayContent WavOfNoise()
    {
        const int sampleRate = 16000;
        var samples = new byte[sampleRate / 2];
        Random.Shared.NextBytes(samples);
        var header = new byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), 36 + samples.Length);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(34), 16);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(40), samples.Length);
        var content = new ByteArrayContent([.. header, .. samples]);
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        return content;
    }
}

/// <summary>An empty database and storage root to restore into, dropped and removed afterwards.</summary>
internal sealed class RestoreTarget : IAsyncDisposable
{
    private RestoreTarget(string database)
    {
        Database = database;
        ConnectionString = PostgresServer.ForDatabase(database);
        Api = new ApiFactory(ConnectionString);
    }

    public string Database { get; }

    public string ConnectionString { get; }

    /// <summary>A host on the target, not started: its storage root is where the restore writes.</summary>
    public ApiFactory Api { get; }

    public string StorageRoot => Api.StorageRoot;

    public static async Task<RestoreTarget> CreateAsync() => new(await TestDatabases.CreateEmptyAsync());

    public Task<(int ExitCode, string Output, string Errors)> RestoreAsync(string archive, string? passphrase = BackupSupport.Passphrase) =>
        BackupSupport.RunVerbAsync(ConnectionString, StorageRoot, passphrase, "restore", "--from", archive);

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        if (Directory.Exists(StorageRoot))
        {
            Directory.Delete(StorageRoot, recursive: true);
        }

        NpgsqlConnection.ClearAllPools();
        await TestDatabases.DropAsync(Database);
    }
}
