using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using VoiceNote.Modules.AudioProcessing.Speech.Media;

namespace VoiceNote.Modules.AudioProcessing.Speech.Remote;

/// <summary>
/// Headerless PCM sent as a WAV file: the 44-byte header, then the samples copied from disk block by
/// block, so a two-hour upload never sits in memory. The length is known up front (a Content-Length,
/// not a chunked body, which some servers refuse). The stream stays the caller's.
/// </summary>
internal sealed class WavContent : HttpContent
{
    private const int BlockBytes = 64 * 1024;

    private readonly Stream _pcm;
    private readonly long _start;
    private readonly long _bytes;

    public WavContent(Stream pcm, long bytes)
    {
        if (!pcm.CanSeek)
        {
            throw new ArgumentException("The PCM must be seekable so the body can be sent again.", nameof(pcm));
        }

        _pcm = pcm;
        _start = pcm.Position;
        _bytes = bytes;
        Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _pcm.Position = _start;
        await stream.WriteAsync(WavHeader.For(_bytes), cancellationToken).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
        try
        {
            for (var left = _bytes; left > 0;)
            {
                var read = await _pcm.ReadAsync(buffer.AsMemory(0, (int)Math.Min(BlockBytes, left)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException("The PCM file ended before the length announced in the WAV header.");
                }

                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                left -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = WavHeader.Length + _bytes;
        return true;
    }
}
