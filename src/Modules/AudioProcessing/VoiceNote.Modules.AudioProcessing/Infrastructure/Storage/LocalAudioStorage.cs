using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Storage;
using VoiceNote.Modules.AudioProcessing.Application;
using VoiceNote.Modules.AudioProcessing.Application.Storage;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Storage;

/// <summary>
/// Recordings on the local disk under <c>Storage:Root</c>: <c>audio/owners/&lt;owner&gt;/&lt;id&gt;.&lt;ext&gt;</c>,
/// a case's <c>audio/cases/&lt;case&gt;/&lt;id&gt;.&lt;ext&gt;</c>, <c>audio/archive/&lt;owner&gt;/&lt;id&gt;.&lt;ext&gt;</c> (a case's:
/// <c>audio/archive/&lt;id&gt;/&lt;id&gt;.&lt;ext&gt;</c>, docs/decisions/0079) and a temp area <c>audio/tmp</c> on the same filesystem,
/// so placing a finished upload is a rename. Keys are built from a Guid, a UserId and a short
/// alphanumeric extension only, and every resolved path is checked to stay under the root.
/// </summary>
internal sealed class LocalAudioStorage(IOptions<StorageOptions> options) : IAudioStorage
{
    private const string OwnersFolder = "owners";
    private const string ArchiveFolder = "archive";
    private const string CasesFolder = "cases";
    private const string WorkArea = "work";
    private const int BufferSize = 81920;

    private readonly string _root = Path.Combine(options.Value.FullRoot, "audio");

    public async Task<Result<StagedAudio>> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(temp);
        var path = Path.Combine(temp, Guid.NewGuid().ToString("N") + ".part");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var completed = false;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        return AudioErrors.TooLarge(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }

            completed = true;
            return new StagedAudio(path, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch (IOException e) when (StorageErrors.IsDiskFull(e))
        {
            // The partial file goes in finally: a full disk keeps nothing of the upload.
            return StorageErrors.Full;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!completed)
            {
                TryDelete(path);
            }
        }
    }

    public string Commit(StagedAudio staged, UserId ownerId, Guid audioId, string extension)
    {
        var key = Key(OwnersFolder, ownerId.Value, audioId, extension);
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(staged.TempPath, target, overwrite: false);
        return key;
    }

    public string CommitToCase(StagedAudio staged, Guid caseId, Guid audioId, string extension)
    {
        var key = Key(CasesFolder, caseId, audioId, extension);
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(staged.TempPath, target, overwrite: false);
        return key;
    }

    public string PathOf(string storageKey)
    {
        var full = Path.GetFullPath(Path.Combine(_root, storageKey));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A storage key resolved outside the storage root.");
        }

        return full;
    }

    public void Delete(string storageKey) => TryDelete(PathOf(storageKey));

    public string WorkFolder(Guid audioId)
    {
        var folder = Path.Combine(_root, WorkArea, audioId.ToString("D"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public void DeleteWork(Guid audioId) => TryDeleteFolder(Path.Combine(_root, WorkArea, audioId.ToString("D")));

    public void DeleteOwnerFolders(UserId ownerId)
    {
        TryDeleteFolder(Path.Combine(_root, OwnersFolder, ownerId.Value.ToString("D")));
        TryDeleteFolder(Path.Combine(_root, ArchiveFolder, ownerId.Value.ToString("D")));
    }

    public string Archive(string storageKey)
    {
        if (!storageKey.StartsWith(CasesFolder + "/", StringComparison.Ordinal))
        {
            return MoveBetween(storageKey, OwnersFolder, ArchiveFolder);
        }

        // cases/<case>/<id>.<ext> → archive/<id>/<id>.<ext>: the file's name is its recording's id.
        var name = storageKey[(storageKey.LastIndexOf('/') + 1)..];
        return Move(storageKey, $"{ArchiveFolder}/{Path.GetFileNameWithoutExtension(name)}/{name}");
    }

    public string Restore(string storageKey, Guid? caseId)
    {
        if (caseId is not { } home || !storageKey.StartsWith(ArchiveFolder + "/", StringComparison.Ordinal))
        {
            return MoveBetween(storageKey, ArchiveFolder, OwnersFolder);
        }

        var name = storageKey[(storageKey.LastIndexOf('/') + 1)..];
        return Move(storageKey, string.Create(CultureInfo.InvariantCulture, $"{CasesFolder}/{home:D}/{name}"));
    }

    private static string Key(string area, Guid folderId, Guid audioId, string extension)
    {
        if (extension.Length is 0 or > 8 || !extension.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("Extensions are short alphanumeric names chosen by the server.", nameof(extension));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{area}/{folderId:D}/{audioId:D}.{extension.ToLowerInvariant()}");
    }

    private string MoveBetween(string storageKey, string from, string to)
    {
        var prefix = from + "/";
        if (!storageKey.StartsWith(prefix, StringComparison.Ordinal))
        {
            return storageKey;
        }

        return Move(storageKey, to + "/" + storageKey[prefix.Length..]);
    }

    private string Move(string storageKey, string newKey)
    {
        var target = PathOf(newKey);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var source = PathOf(storageKey);
        if (File.Exists(source))
        {
            File.Move(source, target, overwrite: true);
        }

        return newKey;
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever written there, or another process already cleaned up.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file is swept by the next cleanup, never served.
        }
    }
}
