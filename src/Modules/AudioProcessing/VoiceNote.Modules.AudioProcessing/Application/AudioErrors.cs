using System.Globalization;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.Modules.AudioProcessing.Application;

/// <summary>The module's refusals: uploads, the library, processing and its jobs. Codes are part of the API: never rename one.</summary>
internal static class AudioErrors
{
    public static readonly Error NotFound = Error.NotFound("audio.not_found", "No such recording.");

    public static readonly Error NoContent = Error.Unprocessable("audio.no_file", "The request carried no audio: send the bytes as the body or as a multipart part named 'file'.");

    public static readonly Error IdempotencyKeyTooLong = new("audio.idempotency_key_invalid", "The Idempotency-Key header is at most 200 characters.", ErrorKind.Validation);

    public static readonly Error ProcessingFinished = Error.Conflict("audio.processing_finished", "The processing has already finished; there is nothing to cancel.");

    public static readonly Error ProcessingInProgress = Error.Conflict("audio.processing_in_progress", "The recording is being processed; cancel that first or wait for it to finish.");

    /// <summary>How long a client with a full processing queue is asked to wait.</summary>
    public static readonly TimeSpan PendingRetryAfter = TimeSpan.FromMinutes(1);

    public static readonly Error JobNotFound = Error.NotFound("jobs.not_found", "No such job.");

    public static readonly Error JobNotRetryable = Error.Conflict("jobs.not_retryable", "Only a failed or cancelled job can be retried.");

    public static Error TooLarge(long maxBytes) =>
        new("audio.too_large", string.Create(CultureInfo.InvariantCulture, $"The upload is larger than the limit of {maxBytes} bytes."), ErrorKind.TooLarge);

    public static Error TooLong(TimeSpan max) => MediaErrors.TooLong(max);

    public static Error QuotaExceeded(long quota) =>
        new("audio.quota_exceeded", string.Create(CultureInfo.InvariantCulture, $"This upload would exceed your storage quota of {quota} bytes."), ErrorKind.TooLarge);

    /// <summary>The owner's queue is full; it drains as recordings finish, so the client comes back later.</summary>
    public static Error PendingLimit(double maxMinutes) =>
        new RateLimitedError("audio.pending_limit", string.Create(CultureInfo.InvariantCulture,
            $"You have more than {maxMinutes:0.#} minutes of audio waiting to be processed; upload again when some of it is done."), PendingRetryAfter);

    public static Error InvalidField(string field, string message) => new(InvalidFieldCode(field), message, ErrorKind.Validation);

    /// <summary>The problem code of an invalid field, also given to validator rules (<c>WithErrorCode</c>).</summary>
    public static string InvalidFieldCode(string field) => "audio.invalid_" + field;

    public static Error InvalidEngine() => InvalidField("engine", InvalidEngineMessage);

    public static string InvalidEngineMessage => $"The engine is one of: {SpeechEngineNames.All}.";
}
