using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.Profiles;

/// <summary>The profile's field rules and normalisations; the validator checks with them, the handler stores what they produce.</summary>
internal static partial class ProfileRules
{
    public const int MaxTimeZoneLength = 64;
    public const int MaxLanguageLength = 16;

    private static readonly JsonWriterOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// True for an IANA id in its exact spelling. Windows ids ("W. Europe Standard Time") resolve on Linux
    /// too, through ICU, but are refused: the other modules and clients speak IANA ("UTC" is both, and
    /// accepted). The spelling must match because the runtime's zone cache ignores case while the zone
    /// files do not: "europe/berlin" would be found or not depending on what was looked up before.
    /// </summary>
    public static bool IsIanaTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id)
        && id.Length <= MaxTimeZoneLength
        && IdentityRules.IsStorable(id)
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId
        && string.Equals(zone.Id, id, StringComparison.Ordinal);

    /// <summary>BCP 47 in the shape clients send: a 2–3 letter language, then optional subtags ("en", "en-US", "zh-Hant-TW").</summary>
    public static bool IsLanguageTag(string? tag) => tag is { Length: <= MaxLanguageLength } && LanguageTag().IsMatch(tag);

    /// <summary>Trimmed, blank terms dropped, duplicates (ignoring case) removed keeping the first spelling.</summary>
    public static List<string> NormalizeJargon(IEnumerable<string?> terms) =>
        terms.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static bool IsJargonTerm(string? term) =>
        term?.Trim() is { Length: >= 1 and <= UserProfile.MaxJargonTermLength } trimmed
        && IdentityRules.IsStorable(trimmed)
        && !trimmed.Any(char.IsControl);

    /// <summary>Why the settings cannot be stored, or null when they can.</summary>
    public static string? SettingsProblem(JsonElement? settings)
    {
        if (settings is not { ValueKind: JsonValueKind.Object } value)
        {
            return "Send a JSON object ({} for none).";
        }

        if (!IsStorable(value))
        {
            return "Numbers must fit a double, and texts must not contain NUL characters or unpaired surrogates.";
        }

        return SerializeSettings(value).Length > UserProfile.MaxSettingsJsonBytes
            ? $"Keep the settings under {UserProfile.MaxSettingsJsonBytes / 1024} KiB of JSON."
            : null;
    }

    /// <summary>Compact UTF-8 JSON (non-ASCII kept as is), which is what the size limit counts.</summary>
    public static byte[] SerializeSettings(JsonElement settings)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, CompactJson))
        {
            settings.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    public static JsonElement ParseSettings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static bool IsStorable(JsonElement element)
    {
        try
        {
            return IsStorableJson(element);
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") in a key or text cannot even become a .NET string.
            return false;
        }
    }

    /// <summary>What jsonb accepts: no NUL in any key or text, no lone surrogate, numbers in double range.</summary>
    private static bool IsStorableJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IdentityRules.IsStorable(property.Name) || !IsStorableJson(property.Value))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                return element.EnumerateArray().All(IsStorableJson);
            case JsonValueKind.String:
                return IdentityRules.IsStorable(element.GetString());
            case JsonValueKind.Number:
                return element.TryGetDouble(out var number) && double.IsFinite(number);
            default:
                return true;
        }
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
