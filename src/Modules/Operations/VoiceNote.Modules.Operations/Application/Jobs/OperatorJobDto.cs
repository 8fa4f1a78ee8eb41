using VoiceNote.Application.Jobs;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Infrastructure.Jobs;

namespace VoiceNote.Modules.Operations.Application.Jobs;

/// <summary>A job of any module's queue as an operator sees it: no payload, no lease; the error is the reason it failed.</summary>
internal sealed record OperatorJobDto
{
    /// <summary>The module's queue: "audio", "exports".</summary>
    public required string Queue { get; init; }

    public required Guid Id { get; init; }

    public required string Kind { get; init; }

    public required Guid? OwnerId { get; init; }

    public required JobStatus Status { get; init; }

    public required string? Stage { get; init; }

    public required int Progress { get; init; }

    public required int Attempts { get; init; }

    public required int MaxAttempts { get; init; }

    public required string? Error { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required DateTimeOffset? FinishedAt { get; init; }

    public static OperatorJobDto From(string queue, JobRecord job) => new()
    {
        Queue = queue,
        Id = job.Id,
        Kind = job.Kind,
        OwnerId = job.OwnerId,
        Status = job.Status,
        Stage = ApiNames.UpperSnakeOrNull(job.Stage),
        Progress = job.Progress,
        Attempts = job.Attempts,
        MaxAttempts = job.MaxAttempts,
        Error = job.Error,
        CreatedAt = job.CreatedAt,
        UpdatedAt = job.UpdatedAt,
        FinishedAt = job.FinishedAt,
    };
}
