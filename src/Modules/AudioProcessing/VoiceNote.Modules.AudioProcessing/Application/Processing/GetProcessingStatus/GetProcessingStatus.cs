using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.GetProcessingStatus;

/// <summary>Where one of the caller's recordings is in its processing: status, stage, progress, attempts, error.</summary>
[Requires(Scope = ApiScopes.AudioRead)]
internal sealed record GetProcessingStatus(Guid AudioId) : IQuery<ProcessingStatusDto>;

internal sealed class GetProcessingStatusHandler(AudioProcessingDbContext db) : IQueryHandler<GetProcessingStatus, ProcessingStatusDto>
{
    public Task<Result<ProcessingStatusDto>> Handle(GetProcessingStatus request, CancellationToken cancellationToken) =>
        db.ProcessingStatusAsync(request.AudioId, cancellationToken);
}

internal sealed class GetProcessingStatusEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/audio/{id}/processing", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetProcessingStatus(id), ct)).ToOk())
            .RequireScope(ApiScopes.AudioRead).WithTags("Audio processing")
            .WithName("getProcessingStatus").Produces<ProcessingStatusDto>()
            .WithSummary("The recording's processing: status, stage, progress, attempts, error");
}
