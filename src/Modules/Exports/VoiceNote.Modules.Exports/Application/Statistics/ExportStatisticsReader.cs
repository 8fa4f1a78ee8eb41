using VoiceNote.Infrastructure.Statistics;
using VoiceNote.Modules.Exports.Contracts;
using VoiceNote.Modules.Exports.Infrastructure.Persistence;

namespace VoiceNote.Modules.Exports.Application.Statistics;

/// <summary>
/// Exports for the analytics (docs/decisions/0087), from <c>exports.daily_counts</c>, which the triggers of migration
/// AddAnalytics keep; the queue now from the jobs table.
/// </summary>
internal sealed class ExportStatisticsReader(ExportsDbContext db) : IExportStatistics
{
    public const string Requested = "exports.requested";
    public const string StorageBytes = "storage.bytes";

    public async Task<ExportStatistics> GetAsync(DateOnly from, DateOnly to, int topFailureReasons, CancellationToken cancellationToken)
    {
        var sheet = await DailyCountSheet.ReadAsync(db, ExportsDbContext.SchemaName, from, to, cancellationToken);
        return new ExportStatistics(
            sheet.Series(Requested),
            sheet.ByDimension(Requested),
            sheet.Total(StorageBytes),
            await JobCounts.ReadAsync(db.Jobs, sheet, topFailureReasons, cancellationToken));
    }
}
