using VoiceNote.Application.Jobs;
using VoiceNote.Infrastructure.Jobs;

namespace VoiceNote.Modules.AudioProcessing.Application.Admin;

/// <summary>A processing job as an operator sees it (no payload contents beyond the ids).</summary>
internal sealed record AdminJobDto(
    Guid Id, string Kind, Guid? OwnerId, JobStatus Status, string? Stage, int Progress, int Attempts, int MaxAttempts, string? Error,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt)
{
    public static AdminJobDto From(JobRecord j) =>
        new(j.Id, j.Kind, j.OwnerId, j.Status, j.Stage, j.Progress, j.Attempts, j.MaxAttempts, j.Error, j.CreatedAt, j.UpdatedAt, j.FinishedAt);
}
