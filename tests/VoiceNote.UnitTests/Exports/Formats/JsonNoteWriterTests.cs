using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using VoiceNote.Modules.Exports.Application.Formats.Json;

namespace VoiceNote.UnitTests.Exports.Formats;

/// <summary>The JSON export read back with System.Text.Json and checked against its published schema (draft 2020-12).</summary>
public sealed class JsonNoteWriterTests
{
    private static readonly string SchemaPath = Path.Combine(RepositoryRoot(), "docs", "exports", "note-export.schema.json");

    /// <summary>Read once: the library keeps a registry of schemas by their $id and refuses a second one.</summary>
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    [Test]
    public async Task The_export_is_valid_against_its_schema()
    {
        var written = await Written.By(new JsonNoteWriter(), ExportFixture.Note());

        var result = Schema.Value.Evaluate(JsonDocument.Parse(written.Bytes).RootElement, Options());

        Assert.That(result.IsValid, Is.True, Errors(result));
    }

    [Test]
    public async Task The_schema_rejects_a_word_without_its_end()
    {
        var written = await Written.By(new JsonNoteWriter(), ExportFixture.Note());
        var export = JsonNode.Parse(written.Bytes)!;
        export["transcript"]!["words"]![0]!.AsObject().Remove("end_ms");

        var result = Schema.Value.Evaluate(JsonDocument.Parse(export.ToJsonString()).RootElement, Options());

        Assert.That(result.IsValid, Is.False, "the schema checks the words, so the valid verdict above means something");
    }

    [Test]
    public async Task The_export_holds_the_whole_note()
    {
        var note = ExportFixture.Note();
        var written = await Written.By(new JsonNoteWriter(), note);

        using var json = JsonDocument.Parse(written.Bytes);
        var root = json.RootElement;
        var words = root.GetProperty("transcript").GetProperty("words");
        var tasks = root.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("id").GetGuid(), Is.EqualTo(Guid.Parse("0193c6a0-0000-7000-8000-000000000015")));
            Assert.That(root.GetProperty("title").GetString(), Is.EqualTo(ExportFixture.Title));
            Assert.That(root.GetProperty("summary").GetString(), Is.EqualTo(ExportFixture.Summary));
            Assert.That(root.GetProperty("recorded_at").GetString(), Does.EndWith("Z"), "times in UTC");
            Assert.That(root.GetProperty("recorded_at").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2026, 11, 30, 8, 45, 0, TimeSpan.Zero)));
            Assert.That(root.GetProperty("time_zone").GetString(), Is.EqualTo("Europe/Berlin"));
            Assert.That(root.GetProperty("duration_seconds").GetDouble(), Is.EqualTo(35 * 60));
            Assert.That(root.GetProperty("priority").GetString(), Is.EqualTo("HIGH"));
            Assert.That(root.GetProperty("sentiment").GetString(), Is.EqualTo("positive"));
            Assert.That(root.GetProperty("language").GetString(), Is.EqualTo("en"));

            Assert.That(words.GetArrayLength(), Is.EqualTo(ExportFixture.Words().Count));
            Assert.That(words[0].GetProperty("text").GetString(), Is.EqualTo("Good"));
            Assert.That(words[0].GetProperty("start_ms").GetInt32(), Is.EqualTo(1_200), "the recording starts with a second of room noise");
            var last = ExportFixture.Words()[^1];
            Assert.That(words[words.GetArrayLength() - 1].GetProperty("end_ms").GetInt32(), Is.EqualTo(last.EndMs));
            Assert.That(root.GetProperty("transcript").GetProperty("text").GetString(), Is.EqualTo(note.Transcript));

            Assert.That(root.GetProperty("transcript_versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(root.GetProperty("transcript_versions")[0].GetProperty("engine").GetString(), Is.EqualTo("local"));
            Assert.That(root.GetProperty("analysis_versions").GetArrayLength(), Is.EqualTo(1));

            Assert.That(tasks, Has.Count.EqualTo(4));
            Assert.That(tasks.Where(t => t.GetProperty("is_done").GetBoolean()).Select(t => t.GetProperty("description").GetString()),
                Is.EqualTo(new[] { "Freeze the strings for the 한국어 translators" }));
            Assert.That(tasks.Single(t => t.GetProperty("is_done").GetBoolean()).GetProperty("done_at").GetDateTimeOffset(),
                Is.EqualTo(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero)));
            Assert.That(tasks[3].GetProperty("deadline").ValueKind, Is.EqualTo(JsonValueKind.Null), "the coffee machine has no deadline");
            Assert.That(root.GetProperty("key_moments").EnumerateArray().Select(m => m.GetProperty("at_ms").GetInt64()), Is.EqualTo(new long[] { 4_000, 750_000, 1_860_000 }));
        });
    }

    [Test]
    public void The_schema_ships_inside_the_module()
    {
        using var resource = typeof(JsonNoteWriter).Assembly.GetManifestResourceStream(JsonNoteWriter.SchemaResource);
        Assert.That(resource, Is.Not.Null);
        using var reader = new StreamReader(resource!);
        Assert.That(reader.ReadToEnd(), Is.EqualTo(File.ReadAllText(SchemaPath)), "the embedded schema is the published one");
    }

    private static EvaluationOptions Options() => new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private static string Errors(EvaluationResults result) => string.Join("\n", (result.Details ?? [])
        .Where(d => d.Errors is { Count: > 0 })
        .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VoiceNote.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("VoiceNote.sln not found above the test directory");
    }
}
