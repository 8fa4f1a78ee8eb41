namespace VoiceNote.Domain.Results;

/// <summary>The family of a failure; the HTTP layer maps each to one status code.</summary>
public enum ErrorKind
{
    Failure = 0,
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    Unprocessable,
    TooLarge,
    UnsupportedMediaType,
    RateLimited,
    Unavailable,
}
