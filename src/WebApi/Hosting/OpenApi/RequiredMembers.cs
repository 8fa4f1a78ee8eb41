using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// <c>required</c> says what is always there, which the generator guesses from constructors:
/// <list type="bullet">
/// <item>In a request, nullable is not required: a field that may be null or has a default may be left
/// out, unless it is marked <see cref="RequiredAttribute"/>. Bodies declare such fields nullable so a
/// missing one reaches the validator (a named 400) instead of failing to bind, and the attribute says
/// what the validator demands.</item>
/// <item>In a response every member is required: the API writes nulls too
/// (<c>JsonIgnoreCondition.Never</c>), computed members included. <see cref="Problem"/> is the
/// exception: the problem details service leaves absent members out.</item>
/// </list>
/// </summary>
internal sealed class RequiredMembers : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo;
        if (context.JsonPropertyInfo is not null || type.Kind != JsonTypeInfoKind.Object || type.Type == typeof(Problem))
        {
            return Task.CompletedTask;
        }

        // Request bodies are generated with their parameter's description, response types without one.
        var isRequest = context.ParameterDescription is not null;
        foreach (var property in type.Properties)
        {
            if (isRequest ? IsDemanded(property) : property.Get is not null)
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
