using VoiceNote.Application.Jobs;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing;

/// <summary>
/// Where a recording's processing is: its latest job's status, stage, progress, attempts and error.
/// Finished jobs are purged after the retention; the recording's own status then stands in for them.
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
    string Engine,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? FinishedAt)
{
    public bool IsFinished => Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;

    public static ProcessingStatusDto From(AudioFile file, JobRecord? job) => job is not null
        ? new(job.Id, file.Id, job.Status, job.Stage, job.Progress, job.Attempts, job.MaxAttempts, job.Error ?? file.ProcessingError, file.SpeechEngine, job.CreatedAt, job.UpdatedAt, job.FinishedAt)
        : new(null, file.Id, StatusOf(file.Status), null, file.Status == AudioStatus.Processed ? 100 : 0, 0, 0, file.ProcessingError, file.SpeechEngine, null, file.UpdatedAt, null);

    private static JobStatus StatusOf(AudioStatus status) => status switch
    {
        AudioStatus.Processed => JobStatus.Completed,
        AudioStatus.Failed => JobStatus.Failed,
        AudioStatus.Processing => JobStatus.Processing,
        _ => JobStatus.Pending,
    };
}
