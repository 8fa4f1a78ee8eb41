using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceNote.Infrastructure.Http.Json;

/// <summary>
/// An enum's names as the API writes and reads them (ADR 0061): written UPPER_SNAKE (a member's
/// <see cref="JsonStringEnumMemberNameAttribute"/> wins, e.g. "OPENAI", then its <see cref="EnumMemberAttribute"/>,
/// which stored JSON ignores, so a contract enum can be renamed here only); read whatever the case and
/// whether words are joined by '_', '-' or nothing, so "IN_PROGRESS", "inProgress", "InProgress" and
/// "in-progress" are one value. Names only: a number is never a member.
/// </summary>
public static class ApiEnum<T>
    where T : struct, Enum
{
    private static readonly (T Value, string Name)[] Members = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => ((T)f.GetValue(null)!, f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? f.GetCustomAttribute<EnumMemberAttribute>()?.Value
            ?? JsonNamingPolicy.SnakeCaseUpper.ConvertName(f.Name)))
        .ToArray();

    private static readonly Dictionary<string, T> ByKey = BuildKeys();

    /// <summary>Every member's written name, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = Members.Select(m => m.Name).ToArray();

    public static string NameOf(T value)
    {
        foreach (var (member, name) in Members)
        {
            if (EqualityComparer<T>.Default.Equals(member, value))
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(T).Name} has no member {value}.");
    }

    public static bool TryParse(string? text, out T value) => ByKey.TryGetValue(Key(text), out value);

    /// <summary>The written name of a stored name in any spelling ("processed", "OpenAiCompatible"); null when it is no member.</summary>
    public static string? Normalise(string? text) => TryParse(text, out var value) ? NameOf(value) : null;

    private static Dictionary<string, T> BuildKeys()
    {
        var keys = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (T)field.GetValue(null)!;
            keys.TryAdd(Key(NameOf(value)), value);
            keys.TryAdd(Key(field.Name), value);
        }

        return keys;
    }

    /// <summary>Lower case without word separators: "IN_PROGRESS", "in-progress" and "InProgress" all read "inprogress".</summary>
    private static string Key(string? text) =>
        string.Concat((text ?? string.Empty).Trim().Where(c => c is not ('_' or '-'))).ToLowerInvariant();
}
