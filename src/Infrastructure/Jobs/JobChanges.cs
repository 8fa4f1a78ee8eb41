using System.Collections.Concurrent;

namespace VoiceNote.Infrastructure.Jobs;

/// <summary>
/// Wakes whoever follows a job when its row changes, in any process: the jobs table's trigger sends a
/// NOTIFY (<see cref="JobChangeNotifications"/>) and <see cref="JobChangeListener"/> passes it on here
/// (ADR 0070). Followers take the signal before they read, so a change between their read and their
/// wait is not missed; they still wait with a time limit, so a lost notification costs a delay, not a hang.
/// </summary>
public sealed class JobChanges
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _followed = new();

    /// <summary>Completes at the job's next change; take it before reading what may change.</summary>
    public Task NextChangeOf(Guid jobId) =>
        _followed.GetOrAdd(jobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    internal void Changed(Guid jobId)
    {
        if (_followed.TryRemove(jobId, out var signal))
        {
            signal.TrySetResult();
        }
    }

    /// <summary>After the listener was away: anything may have changed, so every follower reads again.</summary>
    internal void AllChanged()
    {
        foreach (var jobId in _followed.Keys)
        {
            Changed(jobId);
        }
    }
}
