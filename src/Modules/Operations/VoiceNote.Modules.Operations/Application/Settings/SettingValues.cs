using System.Globalization;
using System.Text.Json;
using VoiceNote.Application.Settings;

namespace VoiceNote.Modules.Operations.Application.Settings;

/// <summary>
/// Checks an operator's JSON value against its declaration and turns a stored value into configuration keys
/// (ADR 0086). Pure: the handlers and the refresher share it, so what is stored is exactly what is applied.
/// </summary>
internal static class SettingValues
{
    private const int MaxHosts = 50;

    /// <summary>The value in its stored form (normalised JSON), or why it is refused, in the operator's words.</summary>
    public static (string? Json, string? Error) Check(SettingDefinition definition, JsonElement value) => definition.Kind switch
    {
        SettingKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? (value.GetBoolean() ? "true" : "false", null)
            : (null, "Expected true or false."),
        SettingKind.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? InRange(definition, number, number.ToString(CultureInfo.InvariantCulture))
            : (null, "Expected a whole number."),
        SettingKind.Duration => value.ValueKind == JsonValueKind.String && TimeSpan.TryParseExact(value.GetString(), "c", CultureInfo.InvariantCulture, out var duration)
            ? InRange(definition, (long)duration.TotalSeconds, JsonSerializer.Serialize(duration.ToString("c", CultureInfo.InvariantCulture)))
            : (null, "Expected a duration as \"d.hh:mm:ss\" or \"hh:mm:ss\"."),
        SettingKind.Choice => value.ValueKind == JsonValueKind.String && definition.Choices.FirstOrDefault(c => string.Equals(c, value.GetString(), StringComparison.OrdinalIgnoreCase)) is { } choice
            ? (JsonSerializer.Serialize(choice), null)
            : (null, $"Expected one of: {string.Join(", ", definition.Choices)}."),
        SettingKind.HostList => Hosts(value),
        _ => (null, "This setting cannot be changed."),
    };

    /// <summary>The configuration keys and values a stored value stands for (a list becomes <c>Key:0</c>, <c>Key:1</c> …).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ToConfiguration(SettingDefinition definition, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in root.EnumerateArray())
                {
                    yield return new($"{definition.Key}:{index++.ToString(CultureInfo.InvariantCulture)}", item.GetString());
                }

                break;
            case JsonValueKind.String:
                yield return new(definition.Key, root.GetString());
                break;
            default:
                yield return new(definition.Key, root.GetRawText());
                break;
        }
    }

    private static (string?, string?) InRange(SettingDefinition definition, long number, string json)
    {
        var unit = definition.Kind == SettingKind.Duration ? " seconds" : string.Empty;
        if (definition.Minimum is { } min && number < min)
        {
            return (null, $"At least {min}{unit}.");
        }

        return definition.Maximum is { } max && number > max ? (null, $"At most {max}{unit}.") : (json, null);
    }

    private static (string?, string?) Hosts(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            return (null, "Expected a list of host names, each optionally with a port (\"host\" or \"host:port\").");
        }

        var hosts = value.EnumerateArray().Select(e => e.GetString()!.Trim().ToLowerInvariant()).Distinct().ToList();
        if (hosts.Count > MaxHosts)
        {
            return (null, $"At most {MaxHosts} hosts.");
        }

        var bad = hosts.FirstOrDefault(h => !IsHost(h));
        return bad is null ? (JsonSerializer.Serialize(hosts), null) : (null, $"'{bad}' is not a host name or host:port.");
    }

    private static bool IsHost(string entry)
    {
        var colon = entry.LastIndexOf(':');
        var host = colon > 0 && !entry.EndsWith(']') ? entry[..colon] : entry;
        var portValid = colon <= 0 || entry.EndsWith(']') || (int.TryParse(entry[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536);
        return portValid && Uri.CheckHostName(host.Trim('[', ']')) != UriHostNameType.Unknown;
    }
}
