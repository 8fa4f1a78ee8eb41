namespace VoiceNote.Domain.Results;

/// <summary>Too many attempts; the client may try again after <see cref="RetryAfter"/> (sent as Retry-After).</summary>
public sealed record RateLimitedError(string ErrorCode, string ErrorMessage, TimeSpan RetryAfter)
    : Error(ErrorCode, ErrorMessage, ErrorKind.RateLimited);
