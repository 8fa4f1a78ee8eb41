using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VoiceNote.Modules.AudioProcessing.Application.Library;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.FollowProcessing;

/// <summary>
/// Open progress streams per user (issue 12): each holds a connection and reads the database while it
/// lasts, so one user may hold only a few at a time, and each ends after a lifetime (the client
/// reconnects if it still cares). Per process, like the other limits until issue 18 shares them.
/// </summary>
internal sealed class ProgressStreams(IOptionsMonitor<AudioOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, int> _open = new();

    /// <summary>A slot for a new stream, or null when the user holds the most they may.</summary>
    public ProgressStreamSlot? TryOpen(Guid userId)
    {
        var max = options.CurrentValue.MaxProgressStreamsPerUser;
        while (true)
        {
            var open = _open.GetOrAdd(userId, 0);
            if (open >= max)
            {
                return null;
            }

            if (_open.TryUpdate(userId, open + 1, open))
            {
                return new ProgressStreamSlot(clock.GetUtcNow() + options.CurrentValue.ProgressStreamLifetime, clock, () => Close(userId));
            }
        }
    }

    private void Close(Guid userId) => _open.AddOrUpdate(userId, 0, (_, open) => Math.Max(0, open - 1));
}

/// <summary>One open stream's place; disposing it (when the stream ends) frees the place.</summary>
internal sealed class ProgressStreamSlot(DateTimeOffset endsAt, TimeProvider clock, Action close) : IDisposable
{
    private int _closed;

    public bool HasExpired => clock.GetUtcNow() >= endsAt;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            close();
        }
    }
}
