using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// <c>security: []</c> on routes anybody may call, which would otherwise inherit the document's bearer
/// requirement and make clients send (or ask for) a token they do not have yet.
/// </summary>
internal sealed class AnonymousOperations : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<AccessRequirement>().Any(r => r.Kind == AccessKind.Anonymous))
        {
            operation.Security = [];
        }

        return Task.CompletedTask;
    }
}
