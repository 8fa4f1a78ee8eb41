using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;

namespace VoiceNote.Modules.AudioProcessing.Speech.Remote;

/// <summary>
/// Reads a <c>verbose_json</c> transcription (OpenAI, Groq, Speaches, LocalAI): <c>text</c>, <c>language</c>,
/// <c>duration</c>, <c>words[{word,start,end}]</c>. Whisper gives no per-word confidence (1.0 then);
/// faster-whisper servers add <c>probability</c>, which is used when present.
/// </summary>
internal static class OpenAiTranscriptionAnswer
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

        if (answer?.Text is null)
        {
            return EngineFailures.BadAnswer(engine, "no 'text' in the answer.");
        }

        var words = new List<RecognizedWord>(answer.Words?.Count ?? 0);
        foreach (var word in answer.Words ?? [])
        {
            if (word?.Word is null || word.Start is not { } start || word.End is not { } end || !double.IsFinite(start) || !double.IsFinite(end))
            {
                return EngineFailures.BadAnswer(engine, "a word without text, start or end.");
            }

            // faster-whisper words carry their leading space; an empty one is a stray token.
            var text = word.Word.Trim();
            if (text.Length > 0)
            {
                words.Add(new RecognizedWord(text, start, Math.Max(start, end), Math.Clamp(word.Probability ?? word.Confidence ?? 1.0, 0, 1)));
            }
        }

        var duration = answer.Duration is > 0 and var seconds && double.IsFinite(seconds) ? TimeSpan.FromSeconds(seconds) : sentAudio;
        return new RecognizedSpeech(answer.Text.Trim(), words, duration, engine, LanguageNames.ToBcp47(answer.Language, declaredLanguage));
    }

    private sealed record Answer(
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("language")] string? Language,
        [property: JsonPropertyName("duration")] double? Duration,
        [property: JsonPropertyName("words")] IReadOnlyList<AnswerWord?>? Words);

    private sealed record AnswerWord(
        [property: JsonPropertyName("word")] string? Word,
        [property: JsonPropertyName("start")] double? Start,
        [property: JsonPropertyName("end")] double? End,
        [property: JsonPropertyName("probability")] double? Probability,
        [property: JsonPropertyName("confidence")] double? Confidence);
}
