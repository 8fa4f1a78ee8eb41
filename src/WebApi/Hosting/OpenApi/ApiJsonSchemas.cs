using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using VoiceNote.Infrastructure.Http.Json;

namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// The schema exporter describes only the framework's own converters; the API's enum and date converters
/// (ADR 0061) would leave enums and date-times as untyped schemas. This says what they write: a string of
/// the UPPER_SNAKE names, and a "date-time" string.
/// </summary>
internal sealed class ApiJsonSchemas : IOpenApiSchemaTransformer
{
    private static readonly MethodInfo NamesOf = typeof(ApiJsonSchemas).GetMethod(nameof(Names), BindingFlags.NonPublic | BindingFlags.Static)!;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.JsonTypeInfo.Type;
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var nullable = type != declared ? JsonSchemaType.Null : 0;
        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String | nullable;
            schema.Enum = [.. ((IEnumerable<string>)NamesOf.MakeGenericMethod(type).Invoke(null, null)!).Select(name => (JsonNode)JsonValue.Create(name))];
        }
        else if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            schema.Type = JsonSchemaType.String | nullable;
            schema.Format = "date-time";
        }

        return Task.CompletedTask;
    }

    private static IReadOnlyList<string> Names<T>()
        where T : struct, Enum => ApiEnum<T>.Names;
}
