using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech.Engines;

/// <summary>Why a run used the offline engine instead of the owner's remote one (the API writes it UPPER_SNAKE).</summary>
internal enum EngineFallbackReason
{
    /// <summary>Down, timing out or answering 5xx through every attempt.</summary>
    Unavailable,

    /// <summary>Rate-limiting the owner's key through every attempt.</summary>
    RateLimited,

    /// <summary>On an address the guard does not connect to (ADR 0065).</summary>
    AddressRefused,

    /// <summary>The owner's key was rejected.</summary>
    KeyRejected,

    /// <summary>The engine refused the request or declined to answer.</summary>
    Refused,

    /// <summary>The answer did not have the promised shape.</summary>
    BadAnswer,

    /// <summary>The answer was longer than the server reads.</summary>
    AnswerTooLarge,
}

/// <summary>
/// When an <c>auto</c> run gives way to the offline engines (docs/decisions/0065): the owner's remote engine
/// cannot be reached for the rest of this run. A transient failure is retried by the job queue first; on the
/// job's last attempt it falls back. A refused address does not change between attempts, so it falls back at once.
/// An engine the owner chose explicitly never falls back.
/// </summary>
internal static class EngineFallbacks
{
    /// <summary>Whether transcription falls back after <paramref name="error"/> on an auto run.</summary>
    public static bool TranscriptionFallsBack(Error error, bool lastAttempt) =>
        error.Code == EngineFailures.AddressRefusedCode || (EngineFailures.IsTransient(error) && lastAttempt);

    /// <summary>
    /// Whether analysis falls back on an auto run: as transcription does, and also after any failure that is
    /// not transient (a refusing or malformed model: the local rules still find the tasks, ADR 0043).
    /// </summary>
    public static bool AnalysisFallsBack(Error error, bool lastAttempt) =>
        !EngineFailures.IsTransient(error) || lastAttempt;

    public static EngineFallbackReason ReasonOf(Error error) => error.Code switch
    {
        EngineFailures.RateLimitedCode => EngineFallbackReason.RateLimited,
        EngineFailures.AddressRefusedCode => EngineFallbackReason.AddressRefused,
        EngineFailures.KeyRejectedCode or EngineFailures.NoKeyCode => EngineFallbackReason.KeyRejected,
        EngineFailures.RefusedCode => EngineFallbackReason.Refused,
        EngineFailures.BadAnswerCode => EngineFallbackReason.BadAnswer,
        EngineFailures.AnswerTooLargeCode => EngineFallbackReason.AnswerTooLarge,
        _ => error.Kind == ErrorKind.Unavailable ? EngineFallbackReason.Unavailable : EngineFallbackReason.BadAnswer,
    };
}
