using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;

namespace VoiceNote.Modules.AudioProcessing.Speech.Remote;

/// <summary>
/// Reads a Deepgram <c>/v1/listen</c> answer: <c>results.channels[0].alternatives[0]</c> (transcript and
/// words with confidence; <c>punctuated_word</c> preferred, smart_format puts the capitals and commas
/// there), <c>results.channels[0].detected_language</c> and <c>metadata.duration</c>.
/// </summary>
internal static class DeepgramAnswer
{
    public static Result<RecognizedSpeech> Parse(ReadOnlySpan<byte> body, string engine, string declaredLanguage, TimeSpan sentAudio)
    {
        Answer? answer;
        try
        {
            answer = JsonSerializer.Deserialize<Answer>(body);
        }
        catch (JsonException)
        {
            return EngineFailures.BadAnswer(engine, "the body is not the expected JSON.");
        }

        var channel = answer?.Results?.Channels is [{ } first, ..] ? first : null;
        var best = channel?.Alternatives is [{ } top, ..] ? top : null;
        if (channel is null || best?.Transcript is null)
        {
            return EngineFailures.BadAnswer(engine, "no results.channels[0].alternatives[0].transcript in the answer.");
        }

        var words = new List<RecognizedWord>(best.Words?.Count ?? 0);
        foreach (var word in best.Words ?? [])
        {
            var text = (word?.PunctuatedWord ?? word?.Word)?.Trim();
            if (string.IsNullOrEmpty(text) || word!.Start is not { } start || word.End is not { } end || !double.IsFinite(start) || !double.IsFinite(end))
            {
                return EngineFailures.BadAnswer(engine, "a word without text, start or end.");
            }

            words.Add(new RecognizedWord(text, start, Math.Max(start, end), Math.Clamp(word.Confidence ?? 1.0, 0, 1)));
        }

        var duration = answer!.Metadata?.Duration is > 0 and var seconds && double.IsFinite(seconds) ? TimeSpan.FromSeconds(seconds) : sentAudio;
        return new RecognizedSpeech(best.Transcript.Trim(), words, duration, engine, LanguageNames.ToBcp47(channel.DetectedLanguage, declaredLanguage));
    }

    private sealed record Answer(
        [property: JsonPropertyName("metadata")] Metadata? Metadata,
        [property: JsonPropertyName("results")] Results? Results);

    private sealed record Metadata([property: JsonPropertyName("duration")] double? Duration);

    private sealed record Results([property: JsonPropertyName("channels")] IReadOnlyList<Channel?>? Channels);

    private sealed record Channel(
        [property: JsonPropertyName("alternatives")] IReadOnlyList<Alternative?>? Alternatives,
        [property: JsonPropertyName("detected_language")] string? DetectedLanguage);

    private sealed record Alternative(
        [property: JsonPropertyName("transcript")] string? Transcript,
        [property: JsonPropertyName("words")] IReadOnlyList<AnswerWord?>? Words);

    private sealed record AnswerWord(
        [property: JsonPropertyName("word")] string? Word,
        [property: JsonPropertyName("punctuated_word")] string? PunctuatedWord,
        [property: JsonPropertyName("start")] double? Start,
        [property: JsonPropertyName("end")] double? End,
        [property: JsonPropertyName("confidence")] double? Confidence);
}
