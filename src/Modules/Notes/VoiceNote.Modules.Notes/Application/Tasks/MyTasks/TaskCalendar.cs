namespace VoiceNote.Modules.Notes.Application.Tasks.MyTasks;

/// <summary>
/// Days as the user lives them: "today" starts at local midnight in their time zone, and work days
/// use the profile's numbering (1 = Sunday … 7 = Saturday, docs/product.md). Every boundary is returned in UTC for the query.
/// </summary>
internal sealed class TaskCalendar
{
    private readonly TimeZoneInfo _zone;
    private readonly HashSet<int> _workDays;

    public TaskCalendar(string timeZone, IEnumerable<int> workDays, DateTimeOffset now)
    {
        _zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
        _workDays = workDays.Where(d => d is >= 1 and <= 7).ToHashSet();
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, _zone).DateTime);
    }

    public string TimeZone => _zone.Id;

    public DateOnly Today { get; }

    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        // Where midnight does not exist (a DST jump at 00:00), the day starts at the first valid minute.
        while (_zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public bool IsWorkDay(DateOnly day) => _workDays.Contains((int)day.DayOfWeek + 1);

    /// <summary>The end (exclusive) of the <paramref name="count"/>th work day after today; a week when the user has no work days.</summary>
    public DateTimeOffset EndOfWorkDaysAfterToday(int count)
    {
        if (_workDays.Count == 0)
        {
            return StartOf(Today.AddDays(8));
        }

        var day = Today;
        for (var seen = 0; seen < count;)
        {
            day = day.AddDays(1);
            if (IsWorkDay(day))
            {
                seen++;
            }
        }

        return StartOf(day.AddDays(1));
    }
}
