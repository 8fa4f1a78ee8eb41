using VoiceNote.Modules.Notes.Application.Tasks.MyTasks;

namespace VoiceNote.UnitTests.Notes;

/// <summary>Day boundaries in the user's zone, and work days in the profile's numbering (1 = Sunday … 7 = Saturday).</summary>
public sealed class TaskCalendarTests
{
    [Test]
    public void Today_starts_at_local_midnight_in_the_users_zone()
    {
        // 02:30 UTC on a Wednesday is still Tuesday evening in New York (UTC-4 in June).
        var calendar = new TaskCalendar("America/New_York", [2, 3, 4, 5, 6], new DateTimeOffset(2026, 6, 10, 2, 30, 0, TimeSpan.Zero));
        Assert.Multiple(() =>
        {
            Assert.That(calendar.Today, Is.EqualTo(new DateOnly(2026, 6, 9)));
            Assert.That(calendar.StartOf(calendar.Today), Is.EqualTo(new DateTimeOffset(2026, 6, 9, 4, 0, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public void A_day_whose_midnight_does_not_exist_starts_at_its_first_valid_time()
    {
        // Santiago moved clocks from 00:00 to 01:00 on 2026-09-06.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        Assume.That(zone.IsInvalidTime(new DateTime(2026, 9, 6, 0, 0, 0)), Is.True, "this system's time zone data has the 2026 change");
        var calendar = new TaskCalendar("America/Santiago", [2, 3, 4, 5, 6], new DateTimeOffset(2026, 9, 6, 12, 0, 0, TimeSpan.Zero));

        // 01:00 at UTC-3 is the day's first valid time; no exception, no day that starts the evening before.
        Assert.That(calendar.StartOf(new DateOnly(2026, 9, 6)), Is.EqualTo(new DateTimeOffset(2026, 9, 6, 4, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void Upcoming_ends_after_the_nth_work_day_and_skips_the_weekend()
    {
        // Friday 2026-06-12, work Monday to Friday: two work days after today end with Tuesday the 16th.
        var calendar = new TaskCalendar("UTC", [2, 3, 4, 5, 6], new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.Zero));
        Assert.Multiple(() =>
        {
            Assert.That(calendar.EndOfWorkDaysAfterToday(2), Is.EqualTo(new DateTimeOffset(2026, 6, 17, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(calendar.IsWorkDay(new DateOnly(2026, 6, 13)), Is.False, "Saturday");
            Assert.That(calendar.IsWorkDay(new DateOnly(2026, 6, 15)), Is.True, "Monday");
        });
    }

    [Test]
    public void Unknown_zones_fall_back_to_utc_and_no_work_days_mean_a_week()
    {
        var now = new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.Zero);
        var calendar = new TaskCalendar("Mars/Olympus_Mons", [], now);
        Assert.Multiple(() =>
        {
            Assert.That(calendar.TimeZone, Is.EqualTo("UTC"));
            Assert.That(calendar.EndOfWorkDaysAfterToday(5), Is.EqualTo(new DateTimeOffset(2026, 6, 20, 0, 0, 0, TimeSpan.Zero)));
        });
    }
}
