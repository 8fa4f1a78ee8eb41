using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using VoiceNote.Application.Jobs;
using VoiceNote.Contracts.Statistics;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Infrastructure.Jobs;

namespace VoiceNote.Infrastructure.Statistics;

/// <summary>
/// A module's jobs in its <see cref="DailyCounts"/> (docs/decisions/0087): each finished job's outcome by kind, and a
/// failed one's reason, on the day it finished. Counted when the job finishes and kept when the purge removes it.
/// </summary>
public static class JobCounts
{
    public const string Completed = "jobs.completed";
    public const string Failed = "jobs.failed";
    public const string Cancelled = "jobs.cancelled";
    public const string FailureReason = "jobs.failure";

    /// <summary>The longest failure reason kept: the start of an error names its kind, the rest is detail.</summary>
    public const int ReasonLength = 200;

    public static void CountJobs(this MigrationBuilder migration, string schema)
    {
        var day = DailyCounts.DayOf("finished_at");
        migration.CountRows(schema, "jobs", "jobs", $"""
            SELECT {day} AS day, 'jobs.' || lower(status) AS metric, kind AS dimension, 1 AS value
                FROM {DailyCounts.Rows} WHERE finished_at IS NOT NULL AND status IN ('Completed', 'Failed', 'Cancelled')
            UNION ALL
            SELECT {day}, '{FailureReason}', left(coalesce(nullif(btrim(error), ''), 'No reason given.'), {ReasonLength}), 1
                FROM {DailyCounts.Rows} WHERE finished_at IS NOT NULL AND status = 'Failed'
            """, keptAfterDelete: true);
    }

    public static void StopCountingJobs(this MigrationBuilder migration, string schema) => migration.StopCountingRows(schema, "jobs", "jobs");

    /// <summary>The queue now (a small table: finished jobs are purged after the retention) and the range's outcomes.</summary>
    public static async Task<JobStatistics> ReadAsync(DbSet<JobRecord> jobs, DailyCountSheet sheet, int topReasons, CancellationToken cancellationToken)
    {
        var current = await jobs.AsNoTracking().GroupBy(j => new { j.Kind, j.Status, j.Stage })
            .Select(g => new { g.Key.Kind, g.Key.Status, g.Key.Stage, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        return new JobStatistics(
            current.Select(c => new JobStateCount(c.Kind, ApiEnum<JobStatus>.NameOf(c.Status), c.Stage, c.Count))
                .OrderBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.Status, StringComparer.Ordinal).ThenBy(c => c.Stage, StringComparer.Ordinal).ToList(),
            sheet.InRange(Completed),
            sheet.InRange(Failed),
            sheet.InRange(Cancelled),
            sheet.ByDimension(FailureReason, topReasons));
    }
}
