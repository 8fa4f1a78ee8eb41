using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// The free-form members (a note's processing options, profile settings, an admin action's details) are
/// JSON objects; the generator describes <see cref="JsonElement"/> as any value, so clients typed them
/// <c>unknown</c>. A document transformer: schema transformers never see JsonElement.
/// </summary>
internal sealed class FreeFormObjects : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas is { } schemas && schemas.TryGetValue(nameof(JsonElement), out var found) && found is OpenApiSchema schema)
        {
            schema.Type = JsonSchemaType.Object;
        }

        return Task.CompletedTask;
    }
}
