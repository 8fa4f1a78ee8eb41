using VoiceNote.Infrastructure.Statistics;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Statistics;

/// <summary>
/// Recordings, transcriptions, analyses, storage and jobs for the analytics (docs/decisions/0087), from
/// <c>audio.daily_counts</c>, which the triggers of migration AddAnalytics keep; the queue now from the jobs table,
/// small because finished jobs are purged.
/// </summary>
internal sealed class AudioStatisticsReader(AudioProcessingDbContext db) : IAudioStatistics
{
    public const string Recordings = "audio.recordings";
    public const string UploadedMilliseconds = "audio.uploaded_ms";
    public const string ProcessedMilliseconds = "audio.processed_ms";
    public const string SpeechEngine = "engine.speech";
    public const string AnalysisEngine = "engine.analysis";
    public const string StorageBytes = "storage.bytes";

    public async Task<AudioStatistics> GetAsync(DateOnly from, DateOnly to, int topFailureReasons, CancellationToken cancellationToken)
    {
        var sheet = await DailyCountSheet.ReadAsync(db, AudioProcessingDbContext.SchemaName, from, to, cancellationToken);
        return new AudioStatistics(
            sheet.Total(Recordings),
            sheet.Total(UploadedMilliseconds),
            sheet.Total(ProcessedMilliseconds),
            sheet.Series(UploadedMilliseconds),
            sheet.Series(ProcessedMilliseconds),
            sheet.ByDimension(SpeechEngine),
            sheet.ByDimension(AnalysisEngine),
            [new("originals", sheet.Total(StorageBytes, "originals")), new("archive", sheet.Total(StorageBytes, "archive"))],
            await JobCounts.ReadAsync(db.Jobs, sheet, topFailureReasons, cancellationToken));
    }
}
