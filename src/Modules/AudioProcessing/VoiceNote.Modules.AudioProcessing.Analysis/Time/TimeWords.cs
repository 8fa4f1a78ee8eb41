using System.Collections.Frozen;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Time;

/// <summary>The English words for weekdays, months, parts of the day and duration units.</summary>
internal static class TimeWords
{
    public static readonly FrozenDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>
    {
        ["monday"] = DayOfWeek.Monday, ["mondays"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tuesdays"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wednesdays"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thursdays"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fridays"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["saturdays"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sundays"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4, ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7,
        ["august"] = 8, ["aug"] = 8, ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["october"] = 10,
        ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, DayPeriod> Periods = new Dictionary<string, DayPeriod>
    {
        ["morning"] = DayPeriod.Morning, ["afternoon"] = DayPeriod.Afternoon, ["evening"] = DayPeriod.Evening,
        ["night"] = DayPeriod.Night, ["tonight"] = DayPeriod.Night, ["tonite"] = DayPeriod.Night,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Duration units in minutes; a month is handled as a calendar month, not a number of minutes.</summary>
    public static readonly FrozenDictionary<string, DurationUnit> Units = new Dictionary<string, DurationUnit>
    {
        ["minute"] = DurationUnit.Minute, ["minutes"] = DurationUnit.Minute, ["min"] = DurationUnit.Minute, ["mins"] = DurationUnit.Minute,
        ["hour"] = DurationUnit.Hour, ["hours"] = DurationUnit.Hour, ["hr"] = DurationUnit.Hour, ["hrs"] = DurationUnit.Hour,
        ["day"] = DurationUnit.Day, ["days"] = DurationUnit.Day,
        ["week"] = DurationUnit.Week, ["weeks"] = DurationUnit.Week,
        ["fortnight"] = DurationUnit.Fortnight, ["fortnights"] = DurationUnit.Fortnight,
        ["month"] = DurationUnit.Month, ["months"] = DurationUnit.Month,
        ["year"] = DurationUnit.Year, ["years"] = DurationUnit.Year,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Words that may follow a bare hour ("at 5 and …", "at 5 tomorrow"). Anything else ("at 5 main
    /// street", "about 5 things") means the number was not a time.
    /// </summary>
    public static readonly FrozenSet<string> AfterBareHour = new[]
    {
        "and", "then", "or", "but", "so", "please", "sharp", "latest", "exactly", "at", "on", "in", "this",
        "next", "tomorrow", "today", "tonight", "to", "for", "with", "about", "because", "if", "when",
        "i", "we", "you", "he", "she", "they", "also", "ok", "okay", "alright", "thanks", "the", "by",
        "until", "till", "before", "after", "o'clock", "oclock",
    }.Concat(Weekdays.Keys).ToFrozenSet(StringComparer.Ordinal);
}

internal enum DurationUnit
{
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Year,
}
