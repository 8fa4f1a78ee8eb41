using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;

/// <summary>
/// An analysis in the shape Notes receives it. It is what an analysis version stores, so the publish
/// stage (and a resumed job) sends exactly what was saved.
/// </summary>
internal sealed record PublishedAnalysis(
    string Summary,
    string? Title,
    IReadOnlyList<AnalysedTask> Tasks,
    IReadOnlyList<AnalysedKeyMoment> KeyMoments,
    AnalysedSentiment Sentiment,
    AnalysedPriority? Priority = null)
{
    private const int TitleLength = 80;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static PublishedAnalysis From(AnalysisResult result) => new(
        result.Summary,
        string.IsNullOrWhiteSpace(result.Title) ? ProposeTitle(result.Summary) : result.Title.Trim(),
        [.. result.Tasks.Select(t => new AnalysedTask(
            t.Description,
            t.Deadline,
            Enum.Parse<AnalysedPriority>(t.Priority.ToString()),
            t.Channel is { } channel ? Enum.Parse<AnalysedChannel>(channel.ToString()) : null,
            [.. t.Assignees.Select(a => new AnalysedAssignee(a.Name, a.Contact, a.Channel?.ToString().ToLowerInvariant(), a.Role.ToString().ToLowerInvariant()))]))],
        [.. result.KeyMoments.Select(m => new AnalysedKeyMoment(m.At, m.Description, m.Confidence))],
        new AnalysedSentiment(result.Sentiment.Label.ToString().ToLowerInvariant(), result.Sentiment.Score),
        result.Priority is { } priority ? Enum.Parse<AnalysedPriority>(priority.ToString()) : null);

    public static PublishedAnalysis Read(string json) =>
        JsonSerializer.Deserialize<PublishedAnalysis>(json, Json) ?? throw new JsonException("An analysis version holds no analysis.");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The stored analysis with its lower-case labels in the API's UPPER_SNAKE (ADR 0061); what is stored stays as it is.</summary>
    public PublishedAnalysis ForClients() => this with
    {
        Tasks = [.. Tasks.Select(t => t with { Assignees = [.. t.Assignees.Select(a => a with { Channel = ApiNames.UpperSnakeOrNull(a.Channel), Role = ApiNames.UpperSnakeOrNull(a.Role) })] })],
        Sentiment = Sentiment with { Label = ApiNames.UpperSnake(Sentiment.Label) },
    };

    /// <summary>The summary's first sentence, cut at a word within 80 characters; Notes uses it when the note has no title.</summary>
    private static string? ProposeTitle(string summary)
    {
        var text = summary.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var end = text.IndexOfAny(['.', '!', '?']);
        var sentence = (end > 0 ? text[..end] : text).Trim();
        if (sentence.Length <= TitleLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', TitleLength);
        return (cut > 20 ? sentence[..cut] : sentence[..TitleLength]).TrimEnd(',', ';', ':') + "…";
    }
}
