using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.Operations.Application.Jobs;

/// <summary>The stable problem codes of the operator's job routes.</summary>
internal static class JobErrors
{
    public static readonly Error NotFound = Error.NotFound("jobs.not_found", "No such job in any queue.");

    public static readonly Error NotRetryable = Error.Conflict("jobs.not_retryable", "Only a failed or cancelled job can be retried.");

    public static readonly Error NotCancellable = Error.Conflict("jobs.not_cancellable", "Only a pending or running job can be cancelled.");

    public static Error UnknownQueue(IEnumerable<string> known) =>
        ValidationError.For("queue", $"Use one of {string.Join(", ", known)}.");
}
