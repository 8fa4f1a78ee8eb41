using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// Nullable is not required: the schema generator lists every constructor parameter of a request body
/// as required, so a client would have to send <c>displayName</c> at registration or every field of a
/// merge patch. In a request, a field that may be null or has a default may be left out, unless it is
/// marked <see cref="RequiredAttribute"/>: bodies declare fields nullable so that a missing one reaches
/// the validator (a named 400) instead of binding, and the attribute says what the validator demands.
/// Responses keep nullable members required: the API always writes them.
/// </summary>
internal sealed class OptionalRequestFields : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // Request bodies are generated with their parameter's description; response types without one.
        if (context.ParameterDescription is null || context.JsonPropertyInfo is not null)
        {
            return Task.CompletedTask;
        }

        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (IsDemanded(property))
            {
                (schema.Required ??= new HashSet<string>()).Add(property.Name);
            }
            else
            {
                schema.Required?.Remove(property.Name);
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsDemanded(JsonPropertyInfo property)
    {
        if (Marked(property.AttributeProvider) || Marked(property.AssociatedParameter?.AttributeProvider))
        {
            return true;
        }

        return property.AssociatedParameter is { } parameter
            ? !parameter.IsNullable && !parameter.HasDefaultValue
            : property.IsRequired;
    }

    private static bool Marked(ICustomAttributeProvider? provider) => provider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true;
}
