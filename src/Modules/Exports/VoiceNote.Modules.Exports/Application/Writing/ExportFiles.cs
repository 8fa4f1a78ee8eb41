using Microsoft.Extensions.Options;
using VoiceNote.Infrastructure.Storage;
using VoiceNote.Modules.Exports.Domain;

namespace VoiceNote.Modules.Exports.Application.Writing;

/// <summary>
/// Where export files live under the storage root: written to <c>exports/tmp/{id}.part</c> and moved, once whole, to
/// <c>exports/{owner}/{id}.{extension}</c>. Paths come from ids only; a title never becomes part of one.
/// </summary>
internal sealed class ExportFiles(IOptions<StorageOptions> storage)
{
    private readonly string _root = Path.Combine(storage.Value.FullRoot, "exports");

    public string TempFolder => Path.Combine(_root, "tmp");

    /// <summary>A fresh partial file for one run of an export (a retried run starts over), counted, hashed and capped.</summary>
    public ExportOutput Begin(Guid exportId, long maxBytes)
    {
        Directory.CreateDirectory(TempFolder);
        var path = Path.Combine(TempFolder, $"{exportId:N}.part");
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        return new ExportOutput(path, file, maxBytes);
    }

    /// <summary>Moves a whole file to its place; returns its storage key (relative to the storage root).</summary>
    public string Keep(ExportOutput output, Export export, string extension)
    {
        var key = Path.Combine("exports", export.OwnerId.ToString("N"), $"{export.Id:N}.{extension}");
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(output.Path, path, overwrite: true);
        return key;
    }

    public string PathOf(string storageKey) => Path.Combine(Path.GetDirectoryName(_root)!, storageKey);

    public void Delete(string? storageKey)
    {
        if (storageKey is not null)
        {
            File.Delete(PathOf(storageKey));
        }
    }

    /// <summary>Removes an owner's folder with whatever is left in it (a purged account's).</summary>
    public void DeleteOwnerFolder(Guid ownerId)
    {
        var folder = Path.Combine(_root, ownerId.ToString("N"));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>
/// The stream a writer writes an export to: counted, hashed and capped on the way to the partial file. Disposing it
/// without <see cref="CompleteAsync"/> removes the partial file.
/// </summary>
internal sealed class ExportOutput(string path, FileStream file, long maxBytes) : HashingStream(file, maxBytes)
{
    private bool _complete;

    public string Path { get; } = path;

    /// <summary>Flushes the file to disk and closes it; returns its SHA-256 (lower-case hex).</summary>
    public async Task<string> CompleteAsync(CancellationToken cancellationToken)
    {
        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
        await file.DisposeAsync();
        _complete = true;
        return Sha256();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_complete)
        {
            file.Dispose();
            File.Delete(Path);
        }

        base.Dispose(disposing);
    }
}
