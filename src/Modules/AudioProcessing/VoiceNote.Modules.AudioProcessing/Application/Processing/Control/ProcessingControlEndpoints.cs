using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Control;

internal sealed class CancelProcessingEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/audio/{id:guid}/processing/cancel", async (Guid id, ProcessingControl control, CancellationToken ct) =>
                (await control.CancelAsync(id, ct)).ToHttp(s => TypedResults.Accepted($"/api/v1/audio/{id}/processing", s)))
            .RequireScope(ApiScopes.AudioWrite).WithTags("Audio processing").WithSummary("Cancel the recording's processing (a running job stops at its next heartbeat)");
}

/// <summary>The optional body of a reprocess request.</summary>
internal sealed record ReprocessRequest(string? Engine);

internal sealed class ReprocessEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/audio/{id:guid}/process", async (Guid id, ProcessingControl control, CancellationToken ct, ReprocessRequest? body = null) =>
                (await control.ReprocessAsync(id, body?.Engine, ct)).ToHttp(s => TypedResults.Accepted($"/api/v1/audio/{id}/processing", s)))
            .RequireScope(ApiScopes.AudioWrite).WithTags("Audio processing").WithSummary("Process the recording again, optionally with another engine; the transcript gets a new version");
}
