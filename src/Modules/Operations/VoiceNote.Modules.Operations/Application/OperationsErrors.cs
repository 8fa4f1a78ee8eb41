using VoiceNote.Domain.Results;
using VoiceNote.Modules.Operations.Application.Analytics.GetAnalytics;

namespace VoiceNote.Modules.Operations.Application;

/// <summary>The stable problems of the Operations use cases.</summary>
internal static class OperationsErrors
{
    public static readonly Error RangeBackwards = Invalid("from", "operations.invalid_range", "'from' must not be after 'to'.");

    public static readonly Error RangeTooLong = Invalid("from", "operations.invalid_range", $"The range may span at most {AnalyticsRange.MaxDays} days.");

    public static Error BadDay(string field) => Invalid(field, "operations.invalid_date", $"Use a date as {AnalyticsRange.DateFormat}.");

    private static ValidationError Invalid(string field, string code, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] }, code);
}
