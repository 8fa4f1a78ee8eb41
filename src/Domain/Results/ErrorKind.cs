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

    /// <summary>The request's If-Match names a version that is no longer current (412).</summary>
    PreconditionFailed,

    /// <summary>The resource may only be changed with If-Match (428).</summary>
    PreconditionRequired,

    /// <summary>The server's disk is full: nothing was kept (507).</summary>
    InsufficientStorage,
}
