using VoiceNote.Domain.Results;

namespace VoiceNote.Application.Concurrency;

/// <summary>
/// Optimistic concurrency for resources edited from two places (a phone and a browser): a read answers
/// the representation's entity tag, a write may send it back in If-Match, and a write against a version
/// that has changed since is refused instead of silently overwriting it (RFC 9110 §13.1.1).
/// </summary>
public static class EntityTags
{
    public static readonly Error Stale = new(
        "concurrency.stale", "This resource changed since you read it. Read it again, then reapply your change.", ErrorKind.PreconditionFailed);

    /// <summary>
    /// Whether a write may go ahead: no If-Match at all (an unconditional write), "*", or one of its
    /// strong tags equal to the current one. Weak tags (W/"…") never match, as RFC 9110 requires for If-Match.
    /// </summary>
    public static bool Allow(string? ifMatch, string currentTag)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return true;
        }

        return ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || string.Equals(tag, currentTag, StringComparison.Ordinal));
    }
}
