using System.Globalization;

namespace VoiceNote.Modules.Operations.Application.Backups.Scheduling;

/// <summary>
/// Which scheduled archives go (ADR 0088): the newest of each of the <c>keepDaily</c> most recent UTC days that have
/// one stays, so does the newest of each of the <c>keepWeekly</c> most recent ISO weeks that have one, and the newest
/// archive always stays; every other goes. Counting days that have a backup, not calendar days, means a stopped
/// schedule never prunes its last good archives away.
/// </summary>
internal static class BackupRetention
{
    public static IReadOnlyList<DateTimeOffset> ToDelete(IEnumerable<DateTimeOffset> backups, int keepDaily, int keepWeekly)
    {
        var newestFirst = backups.Distinct().OrderByDescending(b => b).ToList();
        var keep = newestFirst.Take(1)
            .Concat(NewestPer(newestFirst, b => b.UtcDateTime.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), keepDaily))
            .Concat(NewestPer(newestFirst, b => $"{ISOWeek.GetYear(b.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(b.UtcDateTime)}", keepWeekly))
            .ToHashSet();
        return newestFirst.Where(b => !keep.Contains(b)).ToList();
    }

    // GroupBy keeps the order groups first appear in: newest period first, its newest archive first.
    private static IEnumerable<DateTimeOffset> NewestPer(List<DateTimeOffset> newestFirst, Func<DateTimeOffset, string> period, int count) =>
        newestFirst.GroupBy(period).Take(Math.Max(0, count)).Select(g => g.First());
}
