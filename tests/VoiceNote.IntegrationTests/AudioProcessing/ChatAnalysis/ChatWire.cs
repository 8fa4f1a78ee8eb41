using System.Text.Json.Nodes;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.AudioProcessing.ChatAnalysis;

/// <summary>OpenAI's chat-completions wire format, as the stand-in server speaks it and as tests read what was sent.</summary>
internal static class ChatWire
{
    /// <summary>What a model answers for "call the dentist tomorrow at five pm and buy milk" recorded on Friday 20 November 2026, 14:00 in Berlin.</summary>
    public const string DentistAndMilk = """
        {
          "title": "Dentist and milk",
          "summary": "Call the dentist tomorrow at 5 pm and buy milk.",
          "tasks": [
            { "description": "Call the dentist", "deadline": "2026-11-21T17:00:00+01:00", "priority": "medium", "communication_type": "call",
              "assignees": [ { "name": "Dentist", "contact": null, "channel": "call" } ] },
            { "description": "Buy milk", "deadline": null, "priority": "low", "communication_type": null, "assignees": [] }
          ],
          "key_moments": [ { "at_seconds": 0.1, "description": "Call the dentist", "confidence": 0.9 }, { "at_seconds": 2.8, "description": "Buy milk", "confidence": 0.7 } ],
          "sentiment": { "label": "neutral", "score": 0.0 }
        }
        """;

    public static string Completion(string content) => new JsonObject
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["model"] = "gpt-4o-mini",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 400, ["completion_tokens"] = 120, ["total_tokens"] = 520 },
    }.ToJsonString();

    public static string Refusal(string reason) => new JsonObject
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = null, ["refusal"] = reason },
            ["finish_reason"] = "stop",
        }),
    }.ToJsonString();

    /// <summary>Answers every request with this analysis, the way OpenAI does.</summary>
    public static Func<WireRequest, HttpContext, Task> Answering(string content) =>
        (_, http) => WireServer.Json(http, 200, Completion(content));

    public static JsonObject Body(WireRequest request) => JsonNode.Parse(request.Body)!.AsObject();

    public static string SystemMessage(WireRequest request) => Message(request, 0, "system");

    public static string UserMessage(WireRequest request) => Message(request, 1, "user");

    private static string Message(WireRequest request, int index, string role)
    {
        var message = Body(request)["messages"]![index]!;
        Assert.That(message["role"]!.GetValue<string>(), Is.EqualTo(role));
        return message["content"]!.GetValue<string>();
    }
}
