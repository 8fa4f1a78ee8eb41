using System.Security.Cryptography;
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
}

/// <summary>
/// The stream a writer writes an export to: it counts and hashes the bytes on their way to the file and stops the
/// export (<see cref="ExportTooLargeException"/>) the moment it would pass the limit. Disposing it without
/// <see cref="CompleteAsync"/> removes the partial file.
/// </summary>
internal sealed class ExportOutput(string path, FileStream file, long maxBytes) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool _complete;

    public string Path { get; } = path;

    public long Written { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Written;

    public override long Position { get => Written; set => throw new NotSupportedException(); }

    /// <summary>Flushes the file to disk and closes it; returns its SHA-256 (lower-case hex).</summary>
    public async Task<string> CompleteAsync(CancellationToken cancellationToken)
    {
        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
        await file.DisposeAsync();
        _complete = true;
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Count(buffer);
        file.Write(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Count(buffer.Span);
        await file.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => file.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => file.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            if (!_complete)
            {
                file.Dispose();
                File.Delete(Path);
            }
        }

        base.Dispose(disposing);
    }

    private void Count(ReadOnlySpan<byte> bytes)
    {
        if (Written + bytes.Length > maxBytes)
        {
            throw new ExportTooLargeException(maxBytes);
        }

        Written += bytes.Length;
        _hash.AppendData(bytes);
    }
}

/// <summary>An export grew past the largest file an export may be; the partial file is removed.</summary>
internal sealed class ExportTooLargeException(long maxBytes) : Exception($"The export passed {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
