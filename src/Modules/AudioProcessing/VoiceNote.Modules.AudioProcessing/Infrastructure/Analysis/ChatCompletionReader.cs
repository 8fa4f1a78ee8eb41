using System.Text.Json;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;

/// <summary>
/// Reads a 2xx chat-completions body down to the assistant's content. A model that declines answers
/// with a <c>refusal</c> instead of content (structured outputs): that is a refusal of this input,
/// not a broken server, so it fails the job rather than being retried.
/// </summary>
internal static class ChatCompletionReader
{
    public static Result<string> Content(string engine, string body)
    {
        JsonElement message;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("choices", out var choices)
                || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0
                || choices[0].ValueKind != JsonValueKind.Object
                || !choices[0].TryGetProperty("message", out message) || message.ValueKind != JsonValueKind.Object)
            {
                return EngineFailures.BadAnswer(engine, "no choices[0].message in the answer.");
            }

            message = message.Clone();
        }
        catch (JsonException)
        {
            return EngineFailures.BadAnswer(engine, "the answer is not JSON.");
        }

        if (message.TryGetProperty("refusal", out var refusal) && refusal.ValueKind == JsonValueKind.String && refusal.GetString() is { Length: > 0 })
        {
            // The model's own words go to the logs (RefusalOf), not into the error the owner reads.
            return EngineFailures.Declined(engine);
        }

        return message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String && content.GetString() is { Length: > 0 } text
            ? text
            : EngineFailures.BadAnswer(engine, "the message has no content.");
    }

    /// <summary>The model's refusal text in a 2xx body, for the logs; null when there is none or the body is not JSON.</summary>
    public static string? RefusalOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0
                && choices[0].ValueKind == JsonValueKind.Object && choices[0].TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
                && message.TryGetProperty("refusal", out var refusal) && refusal.ValueKind == JsonValueKind.String
                ? refusal.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
