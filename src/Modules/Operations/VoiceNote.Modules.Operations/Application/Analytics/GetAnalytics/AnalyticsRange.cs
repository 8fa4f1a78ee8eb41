using System.Globalization;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.Operations.Application.Analytics.GetAnalytics;

/// <summary>The days the series cover (UTC, both ends included): by default the last 30 days up to today.</summary>
internal sealed record AnalyticsRange(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 30;

    /// <summary>The longest range: a year and a day, so a leap year fits.</summary>
    public const int MaxDays = 366;

    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Reads <c>yyyy-MM-dd</c>; null stays null (the default applies).</summary>
    public static bool TryParseDay(string? text, out DateOnly? day)
    {
        day = null;
        if (text is null)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        day = parsed;
        return true;
    }

    /// <summary>The range asked for, its missing ends filled in: <c>to</c> today, <c>from</c> 30 days before <c>to</c>.</summary>
    public static Result<AnalyticsRange> Resolve(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var end = to ?? today;
        var start = from ?? end.AddDays(-(DefaultDays - 1));
        if (start > end)
        {
            return OperationsErrors.RangeBackwards;
        }

        if (end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            return OperationsErrors.RangeTooLong;
        }

        return new AnalyticsRange(start, end);
    }
}
