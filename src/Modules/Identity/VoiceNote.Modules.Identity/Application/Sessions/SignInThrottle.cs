using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using VoiceNote.Modules.Identity.Infrastructure.Tokens;

namespace VoiceNote.Modules.Identity.Application.Sessions;

/// <summary>
/// Per-account limit on sign-in attempts, whichever address they come from (the per-address limit is
/// the endpoint's "auth" policy). Keyed by the normalised sign-in name, so it applies to names that
/// do not exist as well, and answers the same for both.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInThrottle(IOptions<AuthOptions> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(login => RateLimitPartition.GetFixedWindowLimiter(
            login,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.AccountAttemptsPerWindow, Window = settings.AccountAttemptWindow, QueueLimit = 0 }));
    }

    /// <returns>Null when the attempt may go ahead, else how long to wait.</returns>
    public TimeSpan? TryAttempt(string login)
    {
        using var lease = _limiter.AttemptAcquire(login.Trim().ToUpperInvariant());
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
