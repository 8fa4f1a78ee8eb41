using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceNote.Application.Jobs;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.UnitTests.Foundation;

/// <summary>The HTTP API's enum and date formats (ADR 0061): UPPER_SNAKE out, any case in; UTC with six fractional digits.</summary>
public sealed class ApiJsonTests
{
    private static readonly JsonSerializerOptions Options = Build();

    public enum Sample
    {
        InProgress,
        Done,
    }

    [TestCase(Sample.InProgress, "\"IN_PROGRESS\"")]
    [TestCase(Sample.Done, "\"DONE\"")]
    public void Enums_are_written_upper_snake(Sample value, string json) =>
        Assert.That(JsonSerializer.Serialize(value, Options), Is.EqualTo(json));

    [TestCase("IN_PROGRESS")]
    [TestCase("in_progress")]
    [TestCase("InProgress")]
    [TestCase("inProgress")]
    [TestCase("in-progress")]
    [TestCase(" inprogress ")]
    public void Enums_are_read_in_any_case_and_separator(string text) =>
        Assert.That(JsonSerializer.Deserialize<Sample>($"\"{text}\"", Options), Is.EqualTo(Sample.InProgress));

    [TestCase("\"FINISHED\"")]
    [TestCase("\"0\"")]
    [TestCase("0")]
    [TestCase("\"\"")]
    public void Unknown_names_and_numbers_are_refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Sample>(json, Options));

    [Test]
    public void A_renamed_member_is_written_by_its_name_and_read_by_either()
    {
        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Serialize(TranscriptEngine.OpenAi, Options), Is.EqualTo("\"OPENAI\""));
            Assert.That(JsonSerializer.Serialize(ApiKeyProvider.OpenAiCompatible, Options), Is.EqualTo("\"OPENAI_COMPATIBLE\""));
            Assert.That(JsonSerializer.Serialize(AnalysedChannel.WhatsApp, Options), Is.EqualTo("\"WHATSAPP\""));
            Assert.That(JsonSerializer.Deserialize<TranscriptEngine>("\"OpenAi\"", Options), Is.EqualTo(TranscriptEngine.OpenAi));
            Assert.That(JsonSerializer.Deserialize<TranscriptEngine>("\"openai\"", Options), Is.EqualTo(TranscriptEngine.OpenAi));
            Assert.That(ApiEnum<ApiKeyProvider>.TryParse("openai-compatible", out var provider) && provider == ApiKeyProvider.OpenAiCompatible, Is.True);
            Assert.That(JsonSerializer.Serialize(new Dictionary<JobStatus, int> { [JobStatus.Completed] = 1 }, Options), Is.EqualTo("{\"COMPLETED\":1}"));
        });
    }

    [Test]
    public void The_stored_analysis_keeps_its_own_enum_names()
    {
        // EnumMember renames a contract enum for the API only: stored analyses still read and write "WhatsApp".
        var stored = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Serialize(AnalysedChannel.WhatsApp, stored), Is.EqualTo("\"WhatsApp\""));
            Assert.That(JsonSerializer.Deserialize<AnalysedChannel>("\"WhatsApp\"", stored), Is.EqualTo(AnalysedChannel.WhatsApp));
        });
    }

    [Test]
    public void Stored_lower_case_names_map_to_upper_snake() =>
        Assert.Multiple(() =>
        {
            Assert.That(ApiNames.UpperSnake("openai-compatible"), Is.EqualTo("OPENAI_COMPATIBLE"));
            Assert.That(ApiNames.UpperSnake("transcribe"), Is.EqualTo("TRANSCRIBE"));
            Assert.That(ApiNames.UpperSnakeOrNull(null), Is.Null);
        });

    [Test]
    public void Date_times_are_written_in_utc_with_six_fractional_digits()
    {
        var local = new DateTimeOffset(2026, 12, 4, 7, 1, 41, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var whole = new DateTimeOffset(2026, 12, 4, 5, 1, 41, TimeSpan.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Serialize(local, Options), Is.EqualTo("\"2026-12-04T05:01:41.123456Z\""));
            Assert.That(JsonSerializer.Serialize<DateTimeOffset?>(whole, Options), Is.EqualTo("\"2026-12-04T05:01:41.000000Z\""));
            Assert.That(JsonSerializer.Serialize(new DateTime(2026, 12, 4, 5, 1, 41, DateTimeKind.Utc), Options), Is.EqualTo("\"2026-12-04T05:01:41.000000Z\""));
            Assert.That(JsonSerializer.Serialize(new DateOnly(2026, 12, 4), Options), Is.EqualTo("\"2026-12-04\""));
        });
    }

    [Test]
    public void Date_times_are_read_in_any_iso_8601_offset_and_round_trip()
    {
        var read = JsonSerializer.Deserialize<DateTimeOffset>("\"2026-12-04T07:01:41.123456+02:00\"", Options);
        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(new DateTimeOffset(2026, 12, 4, 5, 1, 41, TimeSpan.Zero).AddTicks(1_234_560)));
            Assert.That(JsonSerializer.Deserialize<DateTimeOffset>(JsonSerializer.Serialize(read, Options), Options), Is.EqualTo(read));
        });
    }

    private static JsonSerializerOptions Build()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new UpperSnakeEnumConverter() } };
        UtcMicrosecondDates.AddTo(options.Converters);
        return options;
    }
}
