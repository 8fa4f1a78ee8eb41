using Mapster;
using VoiceNote.Application.Jobs;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Infrastructure.Jobs;

namespace VoiceNote.Modules.AudioProcessing.Application.Admin;

/// <summary>A processing job as an operator sees it (no payload contents beyond the ids).</summary>
internal sealed record AdminJobDto
{
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
}

/// <summary>Every member matches the job's by name but the stage, stored lower-case and shown UPPER_SNAKE (ADR 0061); the payload and the lease have no member here.</summary>
internal sealed class AdminJobDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<JobRecord, AdminJobDto>()
        .Map(d => d.Stage, j => ApiNames.UpperSnakeOrNull(j.Stage));
}
