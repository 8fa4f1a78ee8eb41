using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VoiceNote.Modules.Identity.Infrastructure.Tokens;

namespace VoiceNote.Modules.Identity.Application.Sessions;

/// <summary>
/// Slows password guessing without handing anybody a way to lock an account (ADR 0069). Failures are
/// counted per account name and address, and per account name from all addresses; past a few free
/// ones, each next try must wait twice as long as the one before. The wait per address grows to
/// minutes, so one guesser stalls; the wait per account stays at seconds, so strangers on many
/// addresses slow its owner down but never shut them out. Keyed by the normalised name, so it answers
/// the same for names that do not exist. A success clears the account's counts.
/// </summary>
internal sealed class SignInThrottle(IOptions<AuthOptions> options, TimeProvider clock)
{
    private const int PruneAbove = 10_000;

    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);
    private long _lastPrune;

    /// <returns>Null when a try may go ahead now, else how long to wait.</returns>
    public TimeSpan? WaitBefore(string login, string? address)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var wait = Max(
            Remaining(PairKey(login, address), settings.FreeFailuresPerAddress, settings.MaxAddressDelay, now),
            Remaining(AccountKey(login), settings.FreeFailuresPerAccount, settings.MaxAccountDelay, now));
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void Failed(string login, string? address)
    {
        var now = clock.GetUtcNow();
        var forget = options.Value.ForgetFailuresAfter;
        foreach (var key in new[] { PairKey(login, address), AccountKey(login) })
        {
            _failures.AddOrUpdate(key, _ => new Failures(1, now), (_, seen) => new Failures(now - seen.Last > forget ? 1 : seen.Count + 1, now));
        }

        // At most once a minute: under a spray of names a scan per failure would be the slow path.
        var last = Interlocked.Read(ref _lastPrune);
        if (_failures.Count > PruneAbove && now.UtcTicks - last > PruneEvery.Ticks
            && Interlocked.CompareExchange(ref _lastPrune, now.UtcTicks, last) == last)
        {
            foreach (var (key, seen) in _failures)
            {
                if (now - seen.Last > forget)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }

    public void Succeeded(string login, string? address)
    {
        _failures.TryRemove(PairKey(login, address), out _);
        _failures.TryRemove(AccountKey(login), out _);
    }

    private TimeSpan Remaining(string key, int free, TimeSpan cap, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var seen) || seen.Count < free || now - seen.Last > options.Value.ForgetFailuresAfter)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(seen.Count - free, 30);
        var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, doublings), cap.TotalSeconds));
        return seen.Last + delay - now;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Name(string login) => login.Trim().ToUpperInvariant();

    private static string AccountKey(string login) => "account:" + Name(login);

    private static string PairKey(string login, string? address) => $"pair:{address}:{Name(login)}";

    private sealed record Failures(int Count, DateTimeOffset Last);
}
