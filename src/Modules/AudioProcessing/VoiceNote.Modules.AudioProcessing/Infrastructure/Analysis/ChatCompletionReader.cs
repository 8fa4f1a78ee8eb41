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
    public const int MaxDetailLength = 200;

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

        if (message.TryGetProperty("refusal", out var refusal) && refusal.ValueKind == JsonValueKind.String && refusal.GetString() is { Length: > 0 } reason)
        {
            return EngineFailures.Refused(engine, 200, Bounded(reason));
        }

        return message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String && content.GetString() is { Length: > 0 } text
            ? text
            : EngineFailures.BadAnswer(engine, "the message has no content.");
    }

    /// <summary>Text from the remote side, cut short and on one line, for error messages that are stored and shown.</summary>
    public static string Bounded(string text)
    {
        var oneLine = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        oneLine = new string(oneLine.Where(c => !char.IsControl(c)).ToArray());
        return oneLine.Length <= MaxDetailLength ? oneLine : oneLine[..MaxDetailLength] + "…";
    }
}
