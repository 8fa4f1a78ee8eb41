using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// Repairs how the generator writes "X or null", so that a validator accepts what the API sends: an
/// enum used as nullable somewhere gets <c>null</c> among its values and no type, which makes
/// <c>oneOf: [null, enum]</c> match a null twice and fail; <c>oneOf</c> with any schema that admits
/// null (JsonElement's empty schema) fails the same way. An enum lists null exactly when its type
/// admits null, and "X or null" becomes <c>anyOf</c>, which means exactly that. A document
/// transformer, because the generator adds these after the schema transformers have run.
/// </summary>
internal sealed class NullableSchemas : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var visited = new HashSet<OpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            Repair(schema, visited);
        }

        var paths = document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>();
        foreach (var operation in paths.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                Repair(parameter.Schema, visited);
            }

            foreach (var media in Bodies(operation))
            {
                Repair(media.Schema, visited);
            }
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<OpenApiMediaType> Bodies(OpenApiOperation operation)
    {
        var requests = operation.RequestBody?.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>();
        var responses = (operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
            .SelectMany(r => r.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>());
        return requests.Concat(responses);
    }

    private static void Repair(IOpenApiSchema? candidate, HashSet<OpenApiSchema> visited)
    {
        // References are repaired where they point: in the components.
        if (candidate is not OpenApiSchema schema || !visited.Add(schema))
        {
            return;
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            // A nullable enum written inline (type [null, string]) must list null, or null fails `enum`.
            var admitsNull = schema.Type?.HasFlag(JsonSchemaType.Null) == true;
            schema.Enum = [.. values.Where(v => !IsNull(v)), .. admitsNull ? [JsonNullSentinel.JsonNull] : Array.Empty<JsonNode>()];
            schema.Type ??= JsonSchemaType.String;
        }

        if (schema.OneOf is { Count: > 0 } choices && choices.Any(c => c is OpenApiSchema { Type: JsonSchemaType.Null }))
        {
            schema.AnyOf = choices;
            schema.OneOf = null;
        }

        var children = (schema.Properties?.Values ?? [])
            .Concat(schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? [])
            .Append(schema.Items).Append(schema.AdditionalProperties);
        foreach (var child in children)
        {
            Repair(child, visited);
        }
    }

    private static bool IsNull(JsonNode? value) =>
        value is null || JsonNullSentinel.IsJsonNullSentinel(value) || value.GetValueKind() == JsonValueKind.Null;
}
