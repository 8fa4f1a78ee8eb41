using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceNote.Infrastructure.Http.Json;

/// <summary>
/// The HTTP API's one date-time format (ADR 0061): ISO 8601 in UTC with a 'Z' and exactly six fractional
/// digits, PostgreSQL's precision, so a value read back is the one stored. Reading accepts any ISO 8601
/// value as before (the framework's parser).
/// </summary>
public static class UtcMicrosecondDates
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string Write(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static void AddTo(IList<JsonConverter> converters)
    {
        converters.Add(new OffsetConverter());
        converters.Add(new DateTimeConverter());
    }

    private sealed class OffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(UtcMicrosecondDates.Write(value));
    }

    /// <summary>A DateTime of unspecified kind is taken as UTC (the database's timestamps are).</summary>
    private sealed class DateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue((value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime())
                .ToString(Format, CultureInfo.InvariantCulture));
    }
}
