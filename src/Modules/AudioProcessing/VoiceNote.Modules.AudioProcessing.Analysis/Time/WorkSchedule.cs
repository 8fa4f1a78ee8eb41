namespace VoiceNote.Modules.AudioProcessing.Analysis.Time;

/// <summary>
/// The owner's working day (the profile's defaults: 9 to 17 on work days [2,3,4,5,6] with
/// 1 = Sunday … 7 = Saturday). Deadlines without a clock time land on these hours.
/// </summary>
internal sealed class WorkSchedule
{
    private static readonly int[] DefaultDays = [2, 3, 4, 5, 6];
    private readonly bool[] _workDays = new bool[7];

    /// <summary>Out-of-range values fall back to the defaults rather than failing the analysis.</summary>
    public WorkSchedule(int startHour = 9, int endHour = 17, IEnumerable<int>? workDays = null)
    {
        var valid = startHour is >= 0 and <= 23 && endHour is >= 1 and <= 24 && endHour > startHour;
        StartHour = valid ? startHour : 9;
        EndHour = valid ? endHour : 17;
        var days = (workDays ?? DefaultDays).Where(d => d is >= 1 and <= 7).Distinct().ToList();
        foreach (var day in days.Count == 0 ? [.. DefaultDays] : days)
        {
            _workDays[day - 1] = true;
        }
    }

    public static WorkSchedule Default { get; } = new();

    public int StartHour { get; }

    public int EndHour { get; }

    public TimeSpan Start => TimeSpan.FromHours(StartHour);

    public TimeSpan End => TimeSpan.FromHours(EndHour);

    /// <summary>
    /// Weeks start on Monday, unless the owner works Sunday but not Saturday (a Sunday–Thursday week):
    /// then "next week" and "end of the week" follow their week, not the calendar's.
    /// </summary>
    public DayOfWeek FirstDayOfWeek => IsWorkDay(DayOfWeek.Sunday) && !IsWorkDay(DayOfWeek.Saturday) ? DayOfWeek.Sunday : DayOfWeek.Monday;

    public bool IsWorkDay(DayOfWeek day) => _workDays[(int)day];

    public DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek - (int)FirstDayOfWeek + 7) % 7));

    public DateOnly FirstWorkDayOnOrAfter(DateOnly date)
    {
        for (var i = 0; i < 7; i++)
        {
            if (IsWorkDay(date.AddDays(i).DayOfWeek))
            {
                return date.AddDays(i);
            }
        }

        return date;
    }

    public DateOnly LastWorkDayOnOrBefore(DateOnly date)
    {
        for (var i = 0; i < 7; i++)
        {
            if (IsWorkDay(date.AddDays(-i).DayOfWeek))
            {
                return date.AddDays(-i);
            }
        }

        return date;
    }

    public DateOnly NextWorkDayAfter(DateOnly date) => FirstWorkDayOnOrAfter(date.AddDays(1));

    /// <summary>The last work day of the week that starts on <paramref name="weekStart"/>.</summary>
    public DateOnly LastWorkDayOfWeek(DateOnly weekStart) => LastWorkDayOnOrBefore(weekStart.AddDays(6));
}
