namespace VoiceNote.Modules.AudioProcessing.Analysis.Time;

/// <summary>The date phrases the parser knows, each with the dates it may mean (see docs/decisions/0030).</summary>
internal static class DateSpecs
{
    public static DateSpec Today() =>
        new("today", c => [c.Today], DefaultTime.RestOfToday, 0.9);

    public static DateSpec DaysFromToday(int days, string kind, double confidence = 0.9) =>
        new(kind, c => [c.Today.AddDays(days)], DefaultTime.ByEndElseStart, confidence, NamesPast: days < 0);

    public static DateSpec MonthsFromToday(int months, double confidence = 0.85) =>
        new("months", c => [c.Today.AddMonths(months)], DefaultTime.ByEndElseStart, confidence, NamesPast: months < 0);

    public static DateSpec Absolute(DateOnly date) =>
        new("date", _ => [date], DefaultTime.ByEndElseStart, 0.98);

    /// <summary>"Monday", "on Monday", "this Monday": the coming one, today included while still ahead.</summary>
    public static DateSpec ComingWeekday(DayOfWeek day) =>
        new("weekday", c =>
        {
            var first = c.Today.AddDays(((int)day - (int)c.Today.DayOfWeek + 7) % 7);
            return [first, first.AddDays(7)];
        }, DefaultTime.ByEndElseStart, 0.85);

    /// <summary>"next Monday": that day in the next week (weeks as <see cref="WorkSchedule.FirstDayOfWeek"/> says).</summary>
    public static DateSpec NextWeekday(DayOfWeek day) =>
        new("next-weekday", c =>
        {
            var nextWeek = c.Schedule.WeekStart(c.Today).AddDays(7);
            return [nextWeek.AddDays(((int)day - (int)nextWeek.DayOfWeek + 7) % 7)];
        }, DefaultTime.ByEndElseStart, 0.8);

    public static DateSpec LastWeekday(DayOfWeek day) =>
        new("last-weekday", c =>
        {
            var back = ((int)c.Today.DayOfWeek - (int)day + 7) % 7;
            return [c.Today.AddDays(-(back == 0 ? 7 : back))];
        }, DefaultTime.ByEndElseStart, 0.85, NamesPast: true);

    /// <summary>"end of day", "EOD": the end of today's work day, or of the next work day once that has passed.</summary>
    public static DateSpec EndOfDay() =>
        new("end-of-day", c =>
        {
            var next = c.Schedule.NextWorkDayAfter(c.Today);
            return [c.Today, next, c.Schedule.NextWorkDayAfter(next)];
        }, DefaultTime.WorkEnd, 0.9);

    /// <summary>"end of the week": the last work day of this week (or of next week once passed).</summary>
    public static DateSpec EndOfWeek(int weeksAhead, double confidence = 0.85) =>
        new("end-of-week", c =>
        {
            var start = c.Schedule.WeekStart(c.Today).AddDays(7 * weeksAhead);
            return weeksAhead == 0
                ? [c.Schedule.LastWorkDayOfWeek(start), c.Schedule.LastWorkDayOfWeek(start.AddDays(7))]
                : [c.Schedule.LastWorkDayOfWeek(start)];
        }, DefaultTime.WorkEnd, confidence);

    /// <summary>"next week": the first work day of next week, at the start of work.</summary>
    public static DateSpec NextWeek() =>
        new("next-week", c => [c.Schedule.FirstWorkDayOnOrAfter(c.Schedule.WeekStart(c.Today).AddDays(7))], DefaultTime.WorkStart, 0.8);

    public static DateSpec LastWeek() =>
        new("last-week", c => [c.Schedule.WeekStart(c.Today).AddDays(-7)], DefaultTime.WorkStart, 0.8, NamesPast: true);

    /// <summary>"this weekend": its Saturday, then its Sunday, then next weekend's Saturday.</summary>
    public static DateSpec Weekend(bool next) =>
        new("weekend", c =>
        {
            var saturday = c.Today.AddDays(((int)DayOfWeek.Saturday - (int)c.Today.DayOfWeek + 7) % 7);
            if (c.Today.DayOfWeek == DayOfWeek.Sunday)
            {
                saturday = c.Today.AddDays(-1);
            }

            return next ? [saturday.AddDays(7)] : [saturday, saturday.AddDays(1), saturday.AddDays(7)];
        }, DefaultTime.ByEndElseStart, 0.75);

    /// <summary>"next month": its first work day, at the start of work.</summary>
    public static DateSpec NextMonth() =>
        new("next-month", c => [c.Schedule.FirstWorkDayOnOrAfter(new DateOnly(c.Today.Year, c.Today.Month, 1).AddMonths(1))], DefaultTime.WorkStart, 0.75);

    public static DateSpec LastMonth() =>
        new("last-month", c => [new DateOnly(c.Today.Year, c.Today.Month, 1).AddMonths(-1)], DefaultTime.WorkStart, 0.75, NamesPast: true);

    /// <summary>"end of the month": the last work day of this month (or next month's once passed).</summary>
    public static DateSpec EndOfMonth(int monthsAhead) =>
        new("end-of-month", c =>
        {
            var first = new DateOnly(c.Today.Year, c.Today.Month, 1).AddMonths(monthsAhead);
            var thisOne = c.Schedule.LastWorkDayOnOrBefore(first.AddMonths(1).AddDays(-1));
            var following = c.Schedule.LastWorkDayOnOrBefore(first.AddMonths(2).AddDays(-1));
            return monthsAhead == 0 ? [thisOne, following] : [thisOne];
        }, DefaultTime.WorkEnd, 0.8);

    /// <summary>"March 3rd", "3rd of March": this year's, or next year's once passed; an explicit year is kept.</summary>
    public static DateSpec MonthDay(int month, int day, int? year) =>
        new("month-day", c =>
        {
            if (year is int y)
            {
                return IsValid(y, month, day) ? [new DateOnly(y, month, day)] : [];
            }

            return Enumerable.Range(c.Today.Year, 5)
                .Where(candidate => IsValid(candidate, month, day))
                .Take(2)
                .Select(candidate => new DateOnly(candidate, month, day))
                .ToList();
        }, DefaultTime.ByEndElseStart, year is null ? 0.9 : 0.95);

    /// <summary>"on the 5th": this month's, or the next month that has that day.</summary>
    public static DateSpec DayOfMonth(int day) =>
        new("day-of-month", c =>
        {
            var first = new DateOnly(c.Today.Year, c.Today.Month, 1);
            return Enumerable.Range(0, 4)
                .Select(first.AddMonths)
                .Where(m => day <= DateTime.DaysInMonth(m.Year, m.Month))
                .Take(2)
                .Select(m => new DateOnly(m.Year, m.Month, day))
                .ToList();
        }, DefaultTime.ByEndElseStart, 0.75);

    /// <summary>"in January", "by March": the first work day of the next such month (this year's while still ahead).</summary>
    public static DateSpec Month(int month) =>
        new("month", c => Enumerable.Range(c.Today.Year, 2)
            .Select(year => c.Schedule.FirstWorkDayOnOrAfter(new DateOnly(year, month, 1)))
            .ToList(), DefaultTime.ByEndElseStart, 0.6);

    /// <summary>"end of January": the last work day of the next such month.</summary>
    public static DateSpec EndOfNamedMonth(int month) =>
        new("end-of-month", c => Enumerable.Range(c.Today.Year, 2)
            .Select(year => c.Schedule.LastWorkDayOnOrBefore(new DateOnly(year, month, 1).AddMonths(1).AddDays(-1)))
            .ToList(), DefaultTime.WorkEnd, 0.75);

    private static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
