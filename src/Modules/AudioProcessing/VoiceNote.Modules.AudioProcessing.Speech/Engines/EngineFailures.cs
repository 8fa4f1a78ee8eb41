using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech.Engines;

/// <summary>
/// How the pipeline reads an engine's error (local or remote, transcription or analysis): a transient
/// one (the service is down, busy or rate-limited) is worth another attempt of the job; anything else
/// (a rejected key, audio the engine refuses) fails the job with the reason kept.
/// Messages are shown to the recording's owner (the processing status, problem details), so they are
/// the project's own words with the engine's name, host and HTTP status only: never the remote body,
/// an exception's message, a socket error or a path. Those go to the logs (docs/decisions/0065).
/// </summary>
internal static class EngineFailures
{
    public const string UnavailableCode = "engine.unavailable";
    public const string RateLimitedCode = "engine.rate_limited";
    public const string KeyRejectedCode = "engine.key_rejected";
    public const string NoKeyCode = "engine.no_key";
    public const string BadAnswerCode = "engine.bad_answer";
    public const string RefusedCode = "engine.refused";
    public const string AddressRefusedCode = "engine.address_refused";
    public const string AnswerTooLargeCode = "engine.answer_too_large";

    public static bool IsTransient(Error error) => error.Kind is ErrorKind.Unavailable or ErrorKind.RateLimited;

    /// <summary>Network failure, timeout or a 5xx answer; <paramref name="what"/> is the project's own words ("answered 503").</summary>
    public static Error Unavailable(string engine, string host, string what) =>
        new(UnavailableCode, $"The '{engine}' engine at {host} {what}.", ErrorKind.Unavailable);

    /// <summary>A 429 answer; <paramref name="retryAfter"/> from its Retry-After header when it sent one.</summary>
    public static Error RateLimited(string engine, string host, TimeSpan retryAfter) =>
        new RateLimitedError(RateLimitedCode, $"The '{engine}' engine at {host} is rate-limiting this key; retry after {retryAfter.TotalSeconds:0} s.", retryAfter);

    /// <summary>A 401/403 answer: the owner's key is wrong or lacks access. Retrying cannot help.</summary>
    public static Error KeyRejected(string engine, string host, int status) =>
        Error.Unprocessable(KeyRejectedCode, $"The '{engine}' engine at {host} rejected the stored API key ({status}); update it in your profile.");

    /// <summary>The owner chose an engine they have no key for.</summary>
    public static Error NoKey(string engine) =>
        Error.Unprocessable(NoKeyCode, $"No API key is stored for the '{engine}' engine; add one in your profile or choose the local engine.");

    /// <summary>A 2xx answer that does not have the promised shape; <paramref name="detail"/> is the project's own words.</summary>
    public static Error BadAnswer(string engine, string detail) =>
        Error.Failure(BadAnswerCode, $"The '{engine}' engine answered in an unexpected shape: {detail}");

    /// <summary>Another 4xx answer: the engine refused this input (its reason is in the logs).</summary>
    public static Error Refused(string engine, string host, int status) =>
        Error.Unprocessable(RefusedCode, $"The '{engine}' engine at {host} refused the request ({status}).");

    /// <summary>A 3xx answer: redirects are not followed (a key is not sent on to another address).</summary>
    public static Error Redirected(string engine, string host, int status) =>
        Error.Unprocessable(RefusedCode, $"The '{engine}' engine at {host} answered with a redirect ({status}), which is not followed; check the engine's base URL.");

    /// <summary>A language model that declined to answer (a structured-output refusal; its words are in the logs).</summary>
    public static Error Declined(string engine) =>
        Error.Unprocessable(RefusedCode, $"The '{engine}' engine declined to analyse this note.");

    /// <summary>The guard would not connect: the host is on this machine or a private network and not allow-listed.</summary>
    public static Error AddressRefused(string engine, string host) =>
        Error.Unprocessable(
            AddressRefusedCode,
            $"The '{engine}' engine at {host} is on a loopback, private or link-local address, which this server does not call; an operator can allow the host with Engines:AllowedHosts.");

    /// <summary>A 2xx answer longer than the configured limit: it was cut there and not used.</summary>
    public static Error AnswerTooLarge(string engine, string host, long limit) =>
        Error.Failure(AnswerTooLargeCode, $"The '{engine}' engine at {host} answered with more than {limit / (1024.0 * 1024.0):0.#} MiB, the most this server reads; the answer was not used.");
}
