using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech.Engines;

/// <summary>
/// How the pipeline reads an engine's error (local or remote, transcription or analysis): a transient
/// one (the service is down, busy or rate-limited) is worth another attempt of the job; anything else
/// (a rejected key, audio the engine refuses) fails the job with the reason kept.
/// </summary>
internal static class EngineFailures
{
    public const string UnavailableCode = "engine.unavailable";
    public const string RateLimitedCode = "engine.rate_limited";
    public const string KeyRejectedCode = "engine.key_rejected";
    public const string NoKeyCode = "engine.no_key";
    public const string BadAnswerCode = "engine.bad_answer";
    public const string RefusedCode = "engine.refused";

    public static bool IsTransient(Error error) => error.Kind is ErrorKind.Unavailable or ErrorKind.RateLimited;

    /// <summary>Network failure, timeout or a 5xx answer.</summary>
    public static Error Unavailable(string engine, string detail) =>
        new(UnavailableCode, $"The '{engine}' engine is unavailable: {detail}", ErrorKind.Unavailable);

    /// <summary>A 429 answer; <paramref name="retryAfter"/> from its Retry-After header when it sent one.</summary>
    public static Error RateLimited(string engine, TimeSpan retryAfter) =>
        new RateLimitedError(RateLimitedCode, $"The '{engine}' engine is rate-limiting this key; retry after {retryAfter.TotalSeconds:0} s.", retryAfter);

    /// <summary>A 401/403 answer: the owner's key is wrong or lacks access. Retrying cannot help.</summary>
    public static Error KeyRejected(string engine) =>
        Error.Unprocessable(KeyRejectedCode, $"The '{engine}' engine rejected the stored API key; update it in your profile.");

    /// <summary>The owner chose an engine they have no key for.</summary>
    public static Error NoKey(string engine) =>
        Error.Unprocessable(NoKeyCode, $"No API key is stored for the '{engine}' engine; add one in your profile or choose the local engine.");

    /// <summary>A 2xx answer that does not have the promised shape.</summary>
    public static Error BadAnswer(string engine, string detail) =>
        Error.Failure(BadAnswerCode, $"The '{engine}' engine answered in an unexpected shape: {detail}");

    /// <summary>Another 4xx answer: the engine refused this input.</summary>
    public static Error Refused(string engine, int status, string detail) =>
        Error.Unprocessable(RefusedCode, $"The '{engine}' engine refused the request ({status}): {detail}");
}
