using VoiceNote.Contracts.Statistics;

namespace VoiceNote.Modules.AudioProcessing.Contracts;

/// <summary>The AudioProcessing module's figures for the operators' analytics (docs/decisions/0087), from rolled-up counts.</summary>
public interface IAudioStatistics
{
    /// <summary>Recordings, processing, engines, storage and jobs now and from <paramref name="from"/> to <paramref name="to"/> (UTC days).</summary>
    Task<AudioStatistics> GetAsync(DateOnly from, DateOnly to, int topFailureReasons, CancellationToken cancellationToken);
}

/// <summary>
/// Durations are in milliseconds. Uploaded: the recordings that exist, by the day they were uploaded. Processed: the
/// audio each transcription covered, by the day it was made (a recording transcribed twice counts twice; kept when the
/// recording is deleted). Engines: transcriptions per speech engine and analyses per analysis engine within the range.
/// Storage: bytes of recordings in the owners' and cases' folders (<c>originals</c>) and in the archive (<c>archive</c>).
/// </summary>
public sealed record AudioStatistics(
    long Recordings,
    long UploadedMilliseconds,
    long ProcessedMilliseconds,
    IReadOnlyList<DailyCount> UploadedMillisecondsPerDay,
    IReadOnlyList<DailyCount> ProcessedMillisecondsPerDay,
    IReadOnlyList<NamedCount> SpeechEngines,
    IReadOnlyList<NamedCount> AnalysisEngines,
    IReadOnlyList<NamedCount> StorageBytes,
    JobStatistics Jobs);
