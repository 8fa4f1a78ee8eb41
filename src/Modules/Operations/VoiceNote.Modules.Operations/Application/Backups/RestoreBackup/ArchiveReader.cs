using System.Buffers;
using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VoiceNote.Modules.Operations.Application.Backups.Archive;
using VoiceNote.Modules.Operations.Application.Backups.TakeBackup;

namespace VoiceNote.Modules.Operations.Application.Backups.RestoreBackup;

/// <summary>
/// Reads an archive twice: <see cref="VerifyAsync"/> checks everything before anything is written (the passphrase
/// against the sealed keys, the manifest against its MAC, every entry against its size and SHA-256, nothing missing or
/// added); <see cref="ExtractAsync"/> then copies entries out, checking each again, since the file could change between.
/// </summary>
internal static class ArchiveReader
{
    private const int MinimumIterations = 100_000;
    private const int MaximumIterations = 10_000_000;

    public static async Task<VerifiedArchive> VerifyAsync(string archive, string passphrase, CancellationToken cancellationToken)
    {
        if (!File.Exists(archive))
        {
            throw new BackupException($"{archive} does not exist.");
        }

        byte[]? manifestBytes = null;
        string? mac = null;
        var seen = new Dictionary<string, (long Size, string Sha256)>(StringComparer.Ordinal);
        try
        {
            await using var file = File.OpenRead(archive);
            await using var tar = new TarReader(file);
            while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                {
                    throw Tampered($"entry '{entry.Name}' is not a regular file");
                }

                if (entry.Name == ArchiveLayout.Manifest)
                {
                    manifestBytes = await ReadSmallAsync(entry.DataStream, cancellationToken);
                }
                else if (entry.Name == ArchiveLayout.ManifestMac)
                {
                    mac = Encoding.ASCII.GetString(await ReadSmallAsync(entry.DataStream, cancellationToken));
                }
                else if (!seen.TryAdd(entry.Name, await HashAsync(entry.DataStream, null, cancellationToken)))
                {
                    throw Tampered($"entry '{entry.Name}' appears twice");
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new BackupException($"{archive} is not a readable VoiceNote backup (damaged or truncated): {e.Message}");
        }

        if (manifestBytes is null || mac is null)
        {
            throw new BackupException($"{archive} has no authenticated manifest: it is not a VoiceNote backup, or it was cut short.");
        }

        BackupManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(manifestBytes, BackupWriter.Json) ?? throw Tampered("the manifest is empty");
        }
        catch (JsonException)
        {
            throw Tampered("the manifest is not valid JSON");
        }

        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            throw new BackupException($"The archive's format {manifest.Format} is not the one this version reads ({BackupManifest.CurrentFormat}): restore it with the version that made it ({manifest.AppVersion}).");
        }

        if (manifest.Keys.Iterations is < MinimumIterations or > MaximumIterations)
        {
            throw Tampered("the key derivation's parameters are out of range");
        }

        var secret = Passphrase.Derive(passphrase, Convert.FromBase64String(manifest.Keys.Salt), manifest.Keys.Iterations);
        var masterKeys = secret.Open(manifest.Keys)
            ?? throw new BackupException("Wrong passphrase: it does not open this archive's keys. Nothing was written.");
        if (!secret.Verify(manifestBytes, mac))
        {
            throw Tampered("the manifest does not match its MAC");
        }

        foreach (var expected in manifest.Entries)
        {
            if (!seen.Remove(expected.Name, out var actual) || actual.Size != expected.Size || actual.Sha256 != expected.Sha256)
            {
                throw Tampered($"entry '{expected.Name}' is missing or differs from its checksum");
            }
        }

        if (seen.Count > 0)
        {
            throw Tampered($"entry '{seen.Keys.First()}' is not in the manifest");
        }

        if (manifest.Entries.Count == 0 || manifest.Entries[0].Name != ArchiveLayout.Dump)
        {
            throw Tampered("the database dump is missing");
        }

        return new VerifiedArchive(archive, manifest, masterKeys);
    }

    /// <summary>Copies the entries <paramref name="placeOf"/> gives a place (null: skip), each checked against the manifest.</summary>
    public static async Task<int> ExtractAsync(VerifiedArchive archive, Func<string, string?> placeOf, CancellationToken cancellationToken)
    {
        var expected = archive.Manifest.Entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var written = 0;
        await using var file = File.OpenRead(archive.Path);
        await using var tar = new TarReader(file);
        while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (placeOf(entry.Name) is not { } place)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(place)!);
            (long Size, string Sha256) actual;
            await using (var output = new FileStream(place, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                actual = await HashAsync(entry.DataStream!, output, cancellationToken);
            }

            if (!expected.TryGetValue(entry.Name, out var wanted) || wanted.Size != actual.Size || wanted.Sha256 != actual.Sha256)
            {
                File.Delete(place);
                throw Tampered($"entry '{entry.Name}' changed while it was restored");
            }

            written++;
        }

        return written;
    }

    private static BackupException Tampered(string what) =>
        new($"The archive was altered or damaged ({what}); it is refused and nothing was written.");

    private static async Task<byte[]> ReadSmallAsync(Stream data, CancellationToken cancellationToken)
    {
        if (data.Length > 16 << 20)
        {
            throw Tampered("the manifest is too large");
        }

        using var buffer = new MemoryStream();
        await data.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static async Task<(long Size, string Sha256)> HashAsync(Stream data, Stream? copyTo, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            long size = 0;
            int read;
            while ((read = await data.ReadAsync(buffer.AsMemory(0, 1 << 16), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                size += read;
                if (copyTo is not null)
                {
                    await copyTo.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>An archive whose passphrase, manifest and entries all checked out, and the master keys it carries.</summary>
internal sealed record VerifiedArchive(string Path, BackupManifest Manifest, IReadOnlyList<byte[]> MasterKeys);
