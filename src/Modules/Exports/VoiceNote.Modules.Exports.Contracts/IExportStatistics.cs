using VoiceNote.Contracts.Statistics;

namespace VoiceNote.Modules.Exports.Contracts;

/// <summary>The Exports module's figures for the operators' analytics (docs/decisions/0087), from rolled-up counts.</summary>
public interface IExportStatistics
{
    /// <summary>Exports asked for from <paramref name="from"/> to <paramref name="to"/> (UTC days), the files kept now and the jobs.</summary>
    Task<ExportStatistics> GetAsync(DateOnly from, DateOnly to, int topFailureReasons, CancellationToken cancellationToken);
}

/// <summary>
/// Exports asked for, by the day they were asked for and by format (kept after the retention removes them);
/// <see cref="StorageBytes"/>: the export files kept now.
/// </summary>
public sealed record ExportStatistics(
    IReadOnlyList<DailyCount> RequestedPerDay,
    IReadOnlyList<NamedCount> RequestedByFormat,
    long StorageBytes,
    JobStatistics Jobs);
