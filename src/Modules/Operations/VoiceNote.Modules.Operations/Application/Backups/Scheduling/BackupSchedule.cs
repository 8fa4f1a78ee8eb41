using System.Globalization;

namespace VoiceNote.Modules.Operations.Application.Backups.Scheduling;

/// <summary>When the next scheduled backup is due, and how scheduled archives are named (their name carries their time).</summary>
internal static class BackupSchedule
{
    private const string Prefix = "voicenote-backup-";
    private const string Suffix = ".tar";
    private const string Stamp = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>
    /// Daily: due at the last passed <see cref="BackupScheduleOptions.TimeOfDay"/> unless a backup was made since (a
    /// stopped service catches up once when it starts), else the next one. Interval: the newest backup plus the interval.
    /// </summary>
    public static DateTimeOffset Due(DateTimeOffset? newest, DateTimeOffset now, BackupScheduleOptions schedule)
    {
        if (schedule.Interval is { } interval && interval > TimeSpan.Zero)
        {
            return newest is { } last ? last + interval : now;
        }

        var today = new DateTimeOffset(now.UtcDateTime.Date + schedule.TimeOfDay.ToTimeSpan(), TimeSpan.Zero);
        var lastSlot = today <= now ? today : today.AddDays(-1);
        return newest is { } made && made >= lastSlot ? lastSlot.AddDays(1) : now;
    }

    public static string FileName(DateTimeOffset at) => Prefix + at.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture) + Suffix;

    /// <summary>The scheduled archives in a folder by their time; other files are never touched.</summary>
    public static IReadOnlyDictionary<DateTimeOffset, string> Archives(string folder)
    {
        var archives = new Dictionary<DateTimeOffset, string>();
        if (!Directory.Exists(folder))
        {
            return archives;
        }

        foreach (var path in Directory.EnumerateFiles(folder, Prefix + "*" + Suffix))
        {
            var stamp = Path.GetFileName(path)[Prefix.Length..^Suffix.Length];
            if (DateTime.TryParseExact(stamp, Stamp, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            {
                archives[new DateTimeOffset(at, TimeSpan.Zero)] = path;
            }
        }

        return archives;
    }
}
