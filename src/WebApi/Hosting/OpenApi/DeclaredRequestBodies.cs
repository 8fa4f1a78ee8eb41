using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// Merge-patch endpoints take the body as a <see cref="JsonElement"/> (to tell an absent field from a
/// null one) and declare its real shape with <c>Accepts&lt;T&gt;</c>; the document would show the
/// untyped JsonElement. This puts the declared type's schema on every media type of the body instead.
/// </summary>
internal sealed class DeclaredRequestBodies : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().LastOrDefault()?.RequestType;
        var body = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Type == typeof(JsonElement));
        if (declared is null || declared == typeof(JsonElement) || operation.RequestBody?.Content is not { Count: > 0 } content || body is null)
        {
            return;
        }

        // The body's description marks the schema as a request's (RequiredMembers).
        var schema = await context.GetOrCreateSchemaAsync(declared, body, cancellationToken);
        foreach (var mediaType in content.Values)
        {
            mediaType.Schema = schema;
        }
    }
}
