using VoiceNote.Application.Messaging;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.IntegrationTests.Probe.CreateProbeItem;

internal sealed class CreateProbeItemEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/probe/items", async (CreateProbeItem command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(id => TypedResults.Created($"/api/v1/probe/items/{id}", new { id })))
            .AllowAnonymousAccess().WithTags("Probe");
}
