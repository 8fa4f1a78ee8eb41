using System.Globalization;
using VoiceNote.Modules.Operations.Application.Backups;
using VoiceNote.Modules.Operations.Application.Backups.Scheduling;

namespace VoiceNote.UnitTests.Operations;

/// <summary>Keep-N-daily / M-weekly pruning and the schedule's due time (ADR 0088), on hand-written calendars.</summary>
public sealed class BackupRetentionTests
{
    [Test]
    public void Daily_keeps_the_newest_archive_of_each_of_the_last_days_that_have_one()
    {
        var deleted = BackupRetention.ToDelete(At("2026-12-01 03:00", "2026-12-02 03:00", "2026-12-02 15:00", "2026-12-03 03:00"), keepDaily: 2, keepWeekly: 0);

        Assert.That(deleted, Is.EquivalentTo(At("2026-12-01 03:00", "2026-12-02 03:00")));
    }

    [Test]
    public void Days_without_a_backup_do_not_use_up_the_daily_count()
    {
        // The schedule stopped for weeks: the last good archives stay.
        var deleted = BackupRetention.ToDelete(At("2026-11-01 03:00", "2026-11-20 03:00", "2026-12-04 03:00"), keepDaily: 2, keepWeekly: 0);

        Assert.That(deleted, Is.EquivalentTo(At("2026-11-01 03:00")));
    }

    [Test]
    public void Weekly_keeps_the_newest_of_each_of_the_last_iso_weeks_beside_the_dailies()
    {
        // Daily at 03:00 from Monday 16 November (ISO week 47) to Friday 4 December 2026 (week 49).
        var all = Enumerable.Range(0, 19).Select(d => new DateTimeOffset(2026, 11, 16, 3, 0, 0, TimeSpan.Zero).AddDays(d)).ToList();

        var kept = all.Except(BackupRetention.ToDelete(all, keepDaily: 3, keepWeekly: 3)).ToList();

        // Dailies: 4, 3, 2 December. Weeklies: week 49's newest (4 Dec), week 48's (Sunday 29 Nov), week 47's (Sunday 22 Nov).
        Assert.That(kept, Is.EquivalentTo(At("2026-12-04 03:00", "2026-12-03 03:00", "2026-12-02 03:00", "2026-11-29 03:00", "2026-11-22 03:00")));
    }

    [Test]
    public void Weeks_are_iso_weeks_across_the_new_year()
    {
        // Monday 28 December 2026 and Saturday 2 January 2027 are both in ISO week 53 of 2026; Monday 4 January starts 2027's week 1.
        var deleted = BackupRetention.ToDelete(At("2026-12-28 03:00", "2027-01-02 03:00", "2027-01-04 03:00"), keepDaily: 0, keepWeekly: 2);

        Assert.That(deleted, Is.EquivalentTo(At("2026-12-28 03:00")));
    }

    [Test]
    public void The_newest_archive_always_stays()
    {
        Assert.That(BackupRetention.ToDelete(At("2026-12-03 03:00", "2026-12-04 03:00"), keepDaily: 0, keepWeekly: 0), Is.EquivalentTo(At("2026-12-03 03:00")));
        Assert.That(BackupRetention.ToDelete([], keepDaily: 7, keepWeekly: 4), Is.Empty);
    }

    [TestCase(null, "2026-12-04 10:00", "2026-12-04 10:00", TestName = "Daily: the first backup is due at once")]
    [TestCase("2026-12-04 03:00", "2026-12-04 10:00", "2026-12-05 03:00", TestName = "Daily: served today, due tomorrow at the time of day")]
    [TestCase("2026-12-03 03:00", "2026-12-04 02:00", "2026-12-04 03:00", TestName = "Daily: before today's time, yesterday's slot was served")]
    [TestCase("2026-12-02 03:00", "2026-12-04 02:00", "2026-12-04 02:00", TestName = "Daily: a missed slot is caught up at once")]
    public void Daily_schedule(string? newest, string now, string due)
    {
        var schedule = new BackupScheduleOptions { TimeOfDay = new TimeOnly(3, 0) };

        Assert.That(BackupSchedule.Due(newest is null ? null : At(newest)[0], At(now)[0], schedule), Is.EqualTo(At(due)[0]));
    }

    [Test]
    public void Interval_schedule_counts_from_the_newest_archive()
    {
        var schedule = new BackupScheduleOptions { Interval = TimeSpan.FromHours(6) };

        Assert.That(BackupSchedule.Due(At("2026-12-04 01:00")[0], At("2026-12-04 02:00")[0], schedule), Is.EqualTo(At("2026-12-04 07:00")[0]));
        Assert.That(BackupSchedule.Due(null, At("2026-12-04 02:00")[0], schedule), Is.EqualTo(At("2026-12-04 02:00")[0]));
    }

    [Test]
    public void Only_archives_named_by_the_schedule_are_found_and_their_names_carry_their_time()
    {
        var folder = Directory.CreateTempSubdirectory("vn-backups-").FullName;
        try
        {
            var at = At("2026-12-04 03:00")[0];
            File.WriteAllText(Path.Combine(folder, BackupSchedule.FileName(at)), string.Empty);
            File.WriteAllText(Path.Combine(folder, "my-own-backup.tar"), string.Empty);

            var found = BackupSchedule.Archives(folder);

            Assert.That(found.Keys, Is.EqualTo(new[] { at }));
            Assert.That(Path.GetFileName(found[at]), Is.EqualTo("voicenote-backup-20261204T030000Z.tar"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<DateTimeOffset> At(params string[] times) =>
        times.Select(t => DateTimeOffset.ParseExact(t, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)).ToList();
}
