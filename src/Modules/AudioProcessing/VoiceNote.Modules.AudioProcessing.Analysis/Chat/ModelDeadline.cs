using System.Globalization;
using VoiceNote.Modules.AudioProcessing.Analysis.Time;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Chat;

/// <summary>Reads the deadline a model wrote; what cannot be read is no deadline, never a failed analysis.</summary>
internal static class ModelDeadline
{
    /// <summary>
    /// An instant with an offset is taken as is; a local date-time without one is read in the owner's
    /// zone; a date alone gets the work end hour (as "by Friday" does in ADR 0030). Anything else: none.
    /// </summary>
    public static DateTimeOffset? Read(string? text, AnalysisInput input)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        var zone = ZoneClock.Resolve(input.Owner.TimeZone);
        string[] withOffset = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
        if (DateTimeOffset.TryParseExact(text, withOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && HasOffset(text))
        {
            return instant;
        }

        string[] local = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"];
        if (DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            return ZoneClock.ToInstant(wall, zone);
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var schedule = new WorkSchedule(input.Owner.WorkStartHour, input.Owner.WorkEndHour, input.Owner.WorkDays);
            return ZoneClock.ToInstant(date, schedule.End, zone);
        }

        return null;
    }

    private static bool HasOffset(string text) => text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
