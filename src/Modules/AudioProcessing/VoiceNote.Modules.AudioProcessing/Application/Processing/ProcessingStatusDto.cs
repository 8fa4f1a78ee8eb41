using VoiceNote.Application.Jobs;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing;

/// <summary>
/// Where a recording's processing is: its latest job's status, stage, progress, attempts and error, and once
/// a stage is done, the engine that actually did it (<see cref="Transcription"/>, <see cref="Analysis"/>), with
/// the fallback when an AUTO run used the offline engine instead of the owner's (docs/decisions/0065).
/// Finished jobs are purged after the retention; the recording's own status then stands in for them.
/// Mapped by hand (docs/decisions/0003): it is made of two rows, the job's or, when it is gone, the
/// recording's own state translated into a job's terms.
/// </summary>
internal sealed record ProcessingStatusDto(
    Guid? JobId,
    Guid AudioId,
    JobStatus Status,
    string? Stage,
    int Progress,
    int Attempts,
    int MaxAttempts,
    string? Error,
    SpeechEngineChoice Engine,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? FinishedAt,
    EngineUseDto? Transcription,
    EngineUseDto? Analysis)
{
    public bool IsFinished => Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;

    public static ProcessingStatusDto From(RecordingProcessing recording, JobRecord? job, EngineUseDto? transcription, EngineUseDto? analysis) => job is not null
        ? new(job.Id, recording.AudioId, job.Status, ApiNames.UpperSnakeOrNull(job.Stage), job.Progress, job.Attempts, job.MaxAttempts, job.Error ?? recording.ProcessingError, SpeechEngineNames.OfStored(recording.SpeechEngine), job.CreatedAt, job.UpdatedAt, job.FinishedAt, transcription, analysis)
        : new(null, recording.AudioId, StatusOf(recording.Status), null, recording.Status == AudioStatus.Processed ? 100 : 0, 0, 0, recording.ProcessingError, SpeechEngineNames.OfStored(recording.SpeechEngine), null, recording.UpdatedAt, null, transcription, analysis);

    private static JobStatus StatusOf(AudioStatus status) => status switch
    {
        AudioStatus.Processed => JobStatus.Completed,
        AudioStatus.Failed => JobStatus.Failed,
        AudioStatus.Processing => JobStatus.Processing,
        _ => JobStatus.Pending,
    };
}
