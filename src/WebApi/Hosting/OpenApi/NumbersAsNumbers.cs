using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// Numbers are numbers: the web JSON defaults also read "42" as 42, so the framework describes every
/// number as "integer or string" with a pattern, and generated clients then type each count and score
/// as <c>number | string</c>. The API only ever writes numbers, and numbers are what clients should send.
/// </summary>
internal sealed class NumbersAsNumbers : IOpenApiSchemaTransformer
{
    private const JsonSchemaType Numeric = JsonSchemaType.Integer | JsonSchemaType.Number;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & Numeric) != 0 && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
