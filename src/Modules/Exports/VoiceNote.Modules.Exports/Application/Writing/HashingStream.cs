using System.Security.Cryptography;

namespace VoiceNote.Modules.Exports.Application.Writing;

/// <summary>
/// A write-only pass-through that counts and SHA-256-hashes every byte on its way to <paramref name="inner"/>, and
/// stops (<see cref="ExportTooLargeException"/>) before the total would pass <paramref name="maxBytes"/>. The export's
/// file and each entry of an export's zip are written through one, so both have their size and checksum as written.
/// </summary>
internal class HashingStream(Stream inner, long maxBytes = long.MaxValue) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Written { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Written;

    public override long Position { get => Written; set => throw new NotSupportedException(); }

    /// <summary>The SHA-256 of what was written so far (lower-case hex).</summary>
    public string Sha256() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Count(buffer);
        inner.Write(buffer);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Count(buffer.Span);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
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
