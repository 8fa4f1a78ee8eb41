using System.Text.Json;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Analysis.Chat;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;

/// <summary>
/// Turns the model's JSON content into an <see cref="AnalysisResult"/>. Strict about structure (a
/// wrong type anywhere is a bad answer: the schema was ignored, so nothing in it can be trusted),
/// forgiving about values (out-of-range numbers are clamped, an unreadable deadline becomes none,
/// an unknown priority is medium, empty tasks are dropped). Summary and tasks are required; title,
/// key moments and sentiment may be missing.
/// </summary>
internal sealed class ChatAnswerParser
{
    /// <summary>The model gives no per-task confidence; a fixed value marks model tasks as fairly sure.</summary>
    public const double TaskConfidence = 0.8;

    public const int MaxTasks = 50;
    public const int MaxKeyMoments = 12;
    public const int MaxTitleLength = 120;
    public const int MaxDescriptionLength = 500;

    public Result<AnalysisResult> Parse(string content, AnalysisInput input, string engine)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BadShape("the content is not a JSON object");
            }

            var transcript = ChatPromptBuilder.TextOf(input);
            var summary = Bound(RequiredString(root, "summary"), Math.Max(1, input.SummaryMaxCharacters));
            var title = OptionalString(root, "title") is { Length: > 0 } t ? Bound(t, MaxTitleLength) : null;
            var tasks = Items(Required(root, "tasks"), "tasks").Select(t => ReadTask(t, input, transcript)).OfType<ExtractedTask>().Take(MaxTasks).ToList();
            var moments = Moments(root, input);
            var sentiment = Optional(root, "sentiment") is { } mood ? Sentiment(mood) : SentimentResult.Neutral;
            return new AnalysisResult(summary, tasks, moments, sentiment, engine, Language(input)) { Title = title };
        }
        catch (JsonException)
        {
            return EngineFailures.BadAnswer(engine, "the content is not JSON.");
        }
        catch (BadShape shape)
        {
            return EngineFailures.BadAnswer(engine, shape.Message + ".");
        }
    }

    private static ExtractedTask? ReadTask(JsonElement task, AnalysisInput input, string transcript)
    {
        Expect(task, JsonValueKind.Object, "a task");
        var description = Bound(RequiredString(task, "description"), MaxDescriptionLength);
        if (description.Length == 0)
        {
            return null;
        }

        var assignees = Optional(task, "assignees") is { } list
            ? Items(list, "assignees").Select(Assignee).OfType<AssignedEntity>().ToList()
            : [];
        var deadlineText = OptionalString(task, "deadline");
        var at = transcript.IndexOf(description, StringComparison.OrdinalIgnoreCase);
        return new ExtractedTask(
            description,
            ModelDeadline.Read(deadlineText, input),
            null,
            Priority(OptionalString(task, "priority")),
            Channel(OptionalString(task, "communication_type")),
            assignees,
            TaskConfidence,
            Math.Max(0, at),
            at < 0 ? 0 : description.Length);
    }

    private static AssignedEntity? Assignee(JsonElement assignee)
    {
        Expect(assignee, JsonValueKind.Object, "an assignee");
        var name = RequiredString(assignee, "name").Trim();
        return name.Length == 0
            ? null
            : new AssignedEntity(Bound(name, MaxTitleLength), OptionalString(assignee, "contact") is { Length: > 0 } c ? Bound(c, MaxTitleLength) : null, Channel(OptionalString(assignee, "channel")));
    }

    /// <summary>Moments need real timings: without words the model could only invent them (ADR 0033: none without timings).</summary>
    private static List<KeyMoment> Moments(JsonElement root, AnalysisInput input)
    {
        if (Optional(root, "key_moments") is not { } list)
        {
            return [];
        }

        var parsed = Items(list, "key_moments").Select(m =>
        {
            Expect(m, JsonValueKind.Object, "a key moment");
            var at = RequiredNumber(m, "at_seconds");
            var description = Bound(RequiredString(m, "description"), MaxDescriptionLength);
            var confidence = Optional(m, "confidence") is { } c ? Number(c, "confidence") : 0.5;
            return (At: at, Description: description, Confidence: Math.Round(Math.Clamp(confidence, 0, 1), 2));
        }).ToList();
        if (input.Words is not { Count: > 0 } words)
        {
            return [];
        }

        var end = words.Max(w => w.End);
        return parsed
            .Where(m => m.Description.Length > 0)
            .OrderByDescending(m => m.Confidence)
            .Take(MaxKeyMoments)
            .Select(m => (At: Math.Clamp(m.At, 0, Math.Max(0, end)), m.Description, m.Confidence))
            .OrderBy(m => m.At)
            .Select(m => new KeyMoment(TimeSpan.FromSeconds(Math.Floor(m.At)), m.Description, m.Confidence))
            .ToList();
    }

    private static SentimentResult Sentiment(JsonElement sentiment)
    {
        Expect(sentiment, JsonValueKind.Object, "sentiment");
        var score = Math.Round(Math.Clamp(RequiredNumber(sentiment, "score"), -1, 1), 3);
        // "mixed" has no label of its own here (notes keep three): neutral, with the model's score.
        var label = OptionalString(sentiment, "label")?.Trim().ToLowerInvariant() switch
        {
            "positive" => SentimentLabel.Positive,
            "negative" => SentimentLabel.Negative,
            "neutral" or "mixed" => SentimentLabel.Neutral,
            _ => score >= 0.05 ? SentimentLabel.Positive : score <= -0.05 ? SentimentLabel.Negative : SentimentLabel.Neutral,
        };
        return new SentimentResult(label, score);
    }

    private static TaskPriority Priority(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "high" or "urgent" => TaskPriority.High,
        "low" => TaskPriority.Low,
        _ => TaskPriority.Medium,
    };

    private static CommunicationType? Channel(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "whatsapp" => CommunicationType.WhatsApp,
        "sms" or "text" => CommunicationType.Sms,
        "call" or "phone" => CommunicationType.Call,
        "meet" or "meeting" => CommunicationType.Meet,
        "slack" => CommunicationType.Slack,
        _ => null,
    };

    private static string Language(AnalysisInput input) => string.IsNullOrWhiteSpace(input.Language) ? "en" : input.Language.Trim();

    /// <summary>Cuts at a word boundary with an ellipsis, so a long answer never overflows what the note stores.</summary>
    private static string Bound(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', Math.Max(0, max - 1));
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd() + "…";
    }

    private static JsonElement Required(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : throw new BadShape($"'{name}' is missing");

    private static JsonElement? Optional(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string RequiredString(JsonElement parent, string name) => Text(Required(parent, name), name);

    private static string? OptionalString(JsonElement parent, string name) => Optional(parent, name) is { } value ? Text(value, name) : null;

    private static double RequiredNumber(JsonElement parent, string name) => Number(Required(parent, name), name);

    private static string Text(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new BadShape($"'{name}' is not a string");

    private static double Number(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number) ? number : throw new BadShape($"'{name}' is not a number");

    private static JsonElement.ArrayEnumerator Items(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw new BadShape($"'{name}' is not a list");

    private static void Expect(JsonElement value, JsonValueKind kind, string what)
    {
        if (value.ValueKind != kind)
        {
            throw new BadShape($"{what} is not an object");
        }
    }

    /// <summary>Internal control flow only: unwinds the recursive read to the one place that maps it to BadAnswer.</summary>
    private sealed class BadShape(string message) : Exception(message);
}
