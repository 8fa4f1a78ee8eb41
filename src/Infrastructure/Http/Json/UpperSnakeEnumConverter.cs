using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceNote.Infrastructure.Http.Json;

/// <summary>
/// The HTTP API's enum converter (ADR 0061): writes UPPER_SNAKE names, reads any case and separator
/// (<see cref="ApiEnum{T}"/>), never numbers. The framework's JsonStringEnumConverter with
/// SnakeCaseUpper rejects "in_progress" and a renamed member's C# name, so inputs would not be case-insensitive.
/// </summary>
public sealed class UpperSnakeEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && ApiEnum<T>.TryParse(reader.GetString(), out var value)
                ? value
                : throw new JsonException($"Use one of {string.Join(", ", ApiEnum<T>.Names)}.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(ApiEnum<T>.NameOf(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ApiEnum<T>.TryParse(reader.GetString(), out var value) ? value : throw new JsonException($"Use one of {string.Join(", ", ApiEnum<T>.Names)}.");

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(ApiEnum<T>.NameOf(value));
    }
}
