using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech.Remote;

/// <summary>
/// The PCM of one call as a seekable stream of known length (a WAV header needs the length first).
/// A file is opened as it is; a stream that cannot seek is spooled to a temporary file, never to memory,
/// and refused as soon as it passes the engine's limits.
/// </summary>
internal sealed class PcmUpload : IAsyncDisposable
{
    private const int BufferBytes = 64 * 1024;

    private readonly Stream? _owned;
    private readonly string? _spoolPath;

    private PcmUpload(Stream stream, long bytes, Stream? owned, string? spoolPath)
    {
        Stream = stream;
        Bytes = bytes;
        _owned = owned;
        _spoolPath = spoolPath;
    }

    public Stream Stream { get; }

    public long Bytes { get; }

    public TimeSpan Duration => PcmFormat.DurationOf(Bytes);

    public static Result<PcmUpload> FromFile(string pcmPath, SpeechEngineLimits limits, string engine)
    {
        var file = new FileStream(pcmPath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.SequentialScan | FileOptions.Asynchronous);
        if (!limits.Allows(file.Length))
        {
            file.Dispose();
            return SpeechErrors.AudioTooLong(limits, engine);
        }

        return new PcmUpload(file, file.Length, file, null);
    }

    public static async Task<Result<PcmUpload>> FromStreamAsync(Stream pcm, SpeechEngineLimits limits, string engine, CancellationToken cancellationToken)
    {
        if (pcm.CanSeek)
        {
            var bytes = pcm.Length - pcm.Position;
            return limits.Allows(bytes) ? new PcmUpload(pcm, bytes, null, null) : SpeechErrors.AudioTooLong(limits, engine);
        }

        var path = Path.Combine(Path.GetTempPath(), $"voicenote-upload-{Guid.NewGuid():N}.pcm");
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferBytes, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var buffer = new byte[BufferBytes];
            int read;
            while ((read = await pcm.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                if (!limits.Allows(spool.Length))
                {
                    await spool.DisposeAsync().ConfigureAwait(false);
                    return SpeechErrors.AudioTooLong(limits, engine);
                }
            }

            spool.Position = 0;
            return new PcmUpload(spool, spool.Length, spool, path);
        }
        catch
        {
            await spool.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync().ConfigureAwait(false);
        }

        if (_spoolPath is not null && File.Exists(_spoolPath))
        {
            // DeleteOnClose already removed it where the platform supports that.
            File.Delete(_spoolPath);
        }
    }
}
