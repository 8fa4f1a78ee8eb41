namespace VoiceNote.Modules.AudioProcessing.Analysis.Time;

internal enum Meridiem
{
    None,
    Am,
    Pm,

    /// <summary>A 24-hour clock value ("09:00", "17:30", ISO times): no am/pm guessing.</summary>
    Exact,
}

internal enum DayPeriod
{
    None,
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// <summary>
/// A time of day said in words: a clock time ("five thirty pm", "17:00", "at 5"), noon/midnight, or a
/// part of the day ("this afternoon"). <see cref="Readings"/> gives the wall-clock times it may mean,
/// in order of preference; the rules are in docs/decisions/0030.
/// </summary>
internal sealed record TimeSpec(int? Hour, int Minute, Meridiem Meridiem, DayPeriod Period, bool ImpliesToday, double Confidence)
{
    /// <summary>Midnight is the end of the day it belongs to: "by midnight" is 24:00 today.</summary>
    public const int MidnightHour = 24;

    public bool IsClock => Hour is not null;

    public static TimeSpec Clock(int hour, int minute, Meridiem meridiem, double confidence) =>
        new(hour, minute, meridiem, DayPeriod.None, false, confidence);

    public static TimeSpec OfPeriod(DayPeriod period, bool impliesToday, double confidence) =>
        new(null, 0, Meridiem.None, period, impliesToday, confidence);

    /// <summary>A clock time said together with a part of the day: "tomorrow morning at 9", "at 8 tonight".</summary>
    public TimeSpec WithPeriod(TimeSpec period) =>
        this with { Period = period.Period, ImpliesToday = ImpliesToday || period.ImpliesToday, Confidence = Math.Max(Confidence, 0.9) };

    public IReadOnlyList<TimeSpan> Readings(bool byDeadline)
    {
        if (Hour is not int hour)
        {
            var (start, end) = Window(Period);
            return byDeadline ? [end] : [start, end];
        }

        var minutes = TimeSpan.FromMinutes(Minute);
        if (hour == MidnightHour || hour == 0 || hour >= 13 || Meridiem == Meridiem.Exact)
        {
            return [TimeSpan.FromHours(hour) + minutes];
        }

        var am = TimeSpan.FromHours(hour % 12) + minutes;
        var pm = TimeSpan.FromHours((hour % 12) + 12) + minutes;
        var meridiem = Meridiem != Meridiem.None ? Meridiem : MeridiemOf(Period);
        if (meridiem == Meridiem.Am)
        {
            return [am];
        }

        if (meridiem == Meridiem.Pm)
        {
            return Period == DayPeriod.Night && hour == 12 ? [TimeSpan.FromHours(MidnightHour)] : [pm];
        }

        // A bare hour: 1–6 are afternoon (nobody means 3 a.m. by "at 3"), 10–11 morning (not 22:00),
        // 12 noon, and 7–9 either: morning first, evening when the morning has passed.
        return hour switch
        {
            <= 6 => [pm],
            <= 9 => [am, pm],
            <= 11 => [am],
            _ => [TimeSpan.FromHours(12) + minutes],
        };
    }

    private static Meridiem MeridiemOf(DayPeriod period) => period switch
    {
        DayPeriod.Morning => Meridiem.Am,
        DayPeriod.Afternoon or DayPeriod.Evening or DayPeriod.Night => Meridiem.Pm,
        _ => Meridiem.None,
    };

    /// <summary>When a part of the day starts (as a deadline) and ends (as a "by …" deadline).</summary>
    private static (TimeSpan Start, TimeSpan End) Window(DayPeriod period) => period switch
    {
        DayPeriod.Morning => (TimeSpan.FromHours(9), TimeSpan.FromHours(12)),
        DayPeriod.Afternoon => (TimeSpan.FromHours(14), TimeSpan.FromHours(17)),
        DayPeriod.Evening => (TimeSpan.FromHours(18), TimeSpan.FromHours(21)),
        _ => (TimeSpan.FromHours(20), new TimeSpan(23, 59, 0)),
    };
}
