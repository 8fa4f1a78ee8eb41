using System.Reflection;
using System.Text.Json;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.Notes.Application.Common;

/// <summary>
/// Reads a create or update body strictly (docs/decisions/0022): a field the server owns (id, owner,
/// timestamps, deletion, moderation, embedding) or a field nobody knows is refused with a 400 that
/// names it, instead of being dropped silently. It also records which fields were sent, which is what
/// makes PATCH a partial update: absent means "keep", null means "clear".
/// </summary>
internal sealed class JsonBody<T>
{
    private readonly Dictionary<string, string> _writable;
    private readonly HashSet<string> _serverOwned;

    public JsonBody(IEnumerable<string> serverOwned)
    {
        _writable = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.OrdinalIgnoreCase);
        _serverOwned = new HashSet<string>(serverOwned, StringComparer.OrdinalIgnoreCase);
    }

    public const string ServerOwnedMessage = "This field is set by the server and cannot be written.";
    public const string UnknownMessage = "Unknown field.";

    /// <summary>The body as <typeparamref name="T"/> plus the names of the fields it carried; or every offending field.</summary>
    public Result<Sent<T>> Read(JsonElement body, JsonSerializerOptions options)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return ValidationError.For("body", "Send a JSON object.");
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>();
        foreach (var property in body.EnumerateObject())
        {
            if (_writable.TryGetValue(property.Name, out var canonical))
            {
                present.Add(canonical);
            }
            else
            {
                errors[property.Name] = [_serverOwned.Contains(property.Name) ? ServerOwnedMessage : UnknownMessage];
            }
        }

        if (errors.Count > 0)
        {
            return new ValidationError(errors);
        }

        try
        {
            var value = body.Deserialize<T>(options) ?? throw new JsonException("The body is empty.");
            return new Sent<T>(value, present);
        }
        catch (JsonException exception)
        {
            var path = exception.Path is { Length: > 2 } p ? p[2..] : "body";
            return ValidationError.For(path, "This value has the wrong type or shape.");
        }
    }
}

/// <summary>A body and the names (camelCase) of the fields the client actually sent.</summary>
internal sealed record Sent<T>(T Value, IReadOnlySet<string> Present)
{
    public bool Has(string field) => Present.Contains(field);
}
