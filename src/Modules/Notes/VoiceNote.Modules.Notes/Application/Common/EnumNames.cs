using System.Reflection;
using System.Text.Json.Serialization;

namespace VoiceNote.Modules.Notes.Application.Common;

/// <summary>Parses an enum from its JSON name (e.g. "HIGH") as query strings carry it; case-insensitive, names only, never numbers.</summary>
internal static class EnumNames<T>
    where T : struct, Enum
{
    private static readonly Dictionary<string, T> ByName = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToDictionary(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name, f => (T)f.GetValue(null)!, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static bool TryParse(string? text, out T value) => ByName.TryGetValue(text ?? string.Empty, out value);
}
