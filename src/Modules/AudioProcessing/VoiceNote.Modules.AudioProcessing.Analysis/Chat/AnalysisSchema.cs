using System.Text.Json.Nodes;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Chat;

/// <summary>
/// The JSON schema a language model must answer in (OpenAI structured outputs, strict mode). Strict
/// mode needs every property listed as required and no extra properties, so "may be absent" is
/// written as a null type. Ranges are stated in descriptions, not as keywords, because not every
/// OpenAI-compatible server accepts minimum/maximum; the parser clamps instead.
/// </summary>
internal static class AnalysisSchema
{
    public const string Name = "voice_note_analysis";

    public static readonly string[] Priorities = ["low", "medium", "high"];

    public static readonly string[] Channels = ["whatsapp", "sms", "call", "meet", "slack"];

    public static readonly string[] SentimentLabels = ["positive", "neutral", "negative", "mixed"];

    /// <summary>A fresh copy each time: JSON nodes have one parent, and callers embed it in a request.</summary>
    public static JsonObject Build() => Object(new()
    {
        ["title"] = Text("A short title for the note, at most eight words."),
        ["summary"] = Text("A summary of the note in the transcript's language."),
        ["tasks"] = Array(Object(new()
        {
            ["description"] = Text("What must be done, starting with a verb (\"Call the dentist\")."),
            ["deadline"] = Nullable("string", "ISO 8601 local date-time with the owner's UTC offset (2026-11-21T17:00:00+01:00), or null when no time was said."),
            ["priority"] = Choice("string", Priorities, "high when urgent or important, low when it can wait, else medium."),
            ["communication_type"] = Choice(new JsonArray("string", "null"), [.. Channels, null], "How the owner will reach someone for this task, or null."),
            ["assignees"] = Array(Object(new()
            {
                ["name"] = Text("A person or organisation the task involves."),
                ["contact"] = Nullable("string", "A phone number, e-mail or handle when one was said, else null."),
                ["channel"] = Choice(new JsonArray("string", "null"), [.. Channels, null], "How to reach them, or null."),
            })),
        })),
        ["key_moments"] = Array(Object(new()
        {
            ["at_seconds"] = Number("Seconds from the start of the recording, taken from the word timings."),
            ["description"] = Text("What happens at this moment."),
            ["confidence"] = Number("0 to 1."),
        })),
        ["sentiment"] = Object(new()
        {
            ["label"] = Choice("string", SentimentLabels, "The overall tone."),
            ["score"] = Number("-1 (negative) to 1 (positive)."),
        }),
    });

    private static JsonObject Object(Dictionary<string, JsonNode> properties) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        ["required"] = new JsonArray([.. properties.Keys.Select(k => (JsonNode)k)]),
        ["additionalProperties"] = false,
    };

    private static JsonObject Array(JsonObject items) => new() { ["type"] = "array", ["items"] = items };

    private static JsonObject Text(string description) => new() { ["type"] = "string", ["description"] = description };

    private static JsonObject Number(string description) => new() { ["type"] = "number", ["description"] = description };

    private static JsonObject Nullable(string type, string description) =>
        new() { ["type"] = new JsonArray(type, "null"), ["description"] = description };

    private static JsonObject Choice(JsonNode type, IEnumerable<string?> values, string description) => new()
    {
        ["type"] = type,
        ["enum"] = new JsonArray([.. values.Select(v => v is null ? null : (JsonNode)v)]),
        ["description"] = description,
    };
}
