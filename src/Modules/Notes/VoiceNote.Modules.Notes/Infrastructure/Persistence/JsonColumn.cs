using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace VoiceNote.Modules.Notes.Infrastructure.Persistence;

/// <summary>A list of small records kept in one jsonb column, compared by content so that changes are saved.</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ValueConverter<List<T>, string> Converter<T>() => new(
        list => JsonSerializer.Serialize(list, Options),
        json => JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>());

    public static ValueComparer<List<T>> Comparer<T>() => new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        list => JsonSerializer.Serialize(list, Options).GetHashCode(StringComparison.Ordinal),
        list => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(list, Options), Options)!);
}
