using System.Text;
using VoiceNote.Modules.AudioProcessing.Speech;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;
using VoiceNote.Modules.AudioProcessing.Speech.Remote;

namespace VoiceNote.UnitTests.AudioProcessing.RemoteEngines;

/// <summary>Reading the engines' answers into recognised speech, and the language names they use.</summary>
public sealed class RemoteAnswerParsingTests
{
    private static readonly TimeSpan Sent = TimeSpan.FromSeconds(4);

    [Test]
    public void A_verbose_json_answer_without_words_or_duration_still_reads()
    {
        var speech = OpenAiTranscriptionAnswer.Parse(Bytes("""{"text":" hello there "}"""), "openai", "en", Sent);

        Assert.That(speech.IsSuccess, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(speech.Value.Text, Is.EqualTo("hello there"));
            Assert.That(speech.Value.Words, Is.Empty);
            Assert.That(speech.Value.AudioDuration, Is.EqualTo(Sent), "the length sent stands in for a missing duration");
            Assert.That(speech.Value.Language, Is.EqualTo("en"));
        });
    }

    [Test]
    public void Verbose_json_words_are_trimmed_and_blank_tokens_dropped()
    {
        var speech = OpenAiTranscriptionAnswer.Parse(
            Bytes("""{"text":"a b","language":"french","words":[{"word":" a","start":0,"end":0.2},{"word":" ","start":0.2,"end":0.2},{"word":"b ","start":0.3,"end":0.25}]}"""),
            "groq", "en", Sent).Value;

        Assert.That(speech.Words, Is.EqualTo(new[] { new RecognizedWord("a", 0, 0.2, 1.0), new RecognizedWord("b", 0.3, 0.3, 1.0) }));
        Assert.That(speech.Language, Is.EqualTo("fr"));
    }

    [TestCase("null")]
    [TestCase("[]")]
    [TestCase("""{"text":null}""")]
    [TestCase("""{"text":"x","words":[{"word":"x","start":"soon","end":1}]}""")]
    [TestCase("""{"text":"x","words":[null]}""")]
    public void A_verbose_json_answer_in_another_shape_is_a_bad_answer(string body) =>
        Assert.That(OpenAiTranscriptionAnswer.Parse(Bytes(body), "openai", "en", Sent).Error.Code, Is.EqualTo(EngineFailures.BadAnswerCode));

    [Test]
    public void Deepgram_words_fall_back_to_the_plain_word_and_the_declared_language()
    {
        var speech = DeepgramAnswer.Parse(
            Bytes("""{"results":{"channels":[{"alternatives":[{"transcript":"ok","words":[{"word":"ok","start":0.1,"end":0.3}]}]}]}}"""),
            "deepgram", "en", Sent).Value;

        Assert.Multiple(() =>
        {
            Assert.That(speech.Words, Is.EqualTo(new[] { new RecognizedWord("ok", 0.1, 0.3, 1.0) }));
            Assert.That(speech.Language, Is.EqualTo("en"));
            Assert.That(speech.AudioDuration, Is.EqualTo(Sent));
        });
    }

    [TestCase("""{"results":{"channels":[]}}""")]
    [TestCase("""{"results":{"channels":[{"alternatives":[]}]}}""")]
    [TestCase("""{"metadata":{"duration":3}}""")]
    [TestCase("""{"results":{"channels":[{"alternatives":[{"transcript":"x","words":[{"start":0,"end":1}]}]}]}}""")]
    public void A_deepgram_answer_in_another_shape_is_a_bad_answer(string body) =>
        Assert.That(DeepgramAnswer.Parse(Bytes(body), "deepgram", "en", Sent).Error.Code, Is.EqualTo(EngineFailures.BadAnswerCode));

    [TestCase("english", "en")]
    [TestCase("German", "de")]
    [TestCase("en", "en")]
    [TestCase("en-US", "en-US")]
    [TestCase("pt-BR", "pt-BR")]
    [TestCase("klingon", "en")]
    [TestCase("", "en")]
    [TestCase(null, "en")]
    public void Language_names_become_bcp47_tags(string? reported, string tag) =>
        Assert.That(LanguageNames.ToBcp47(reported, "en"), Is.EqualTo(tag));

    [TestCase("https://api.openai.com/v1", "audio/transcriptions", "https://api.openai.com/v1/audio/transcriptions")]
    [TestCase("https://api.groq.com/openai/v1/", "audio/transcriptions", "https://api.groq.com/openai/v1/audio/transcriptions")]
    [TestCase("https://api.deepgram.com", "v1/listen?model=nova-2", "https://api.deepgram.com/v1/listen?model=nova-2")]
    public void Paths_are_appended_to_the_base_url_and_the_key_is_never_printed(string baseUrl, string relative, string expected)
    {
        var access = new EngineAccess(RemoteEngineCatalog.OpenAi, new Uri(baseUrl), "sk-secret-key-1234", new RemoteEngineOptions(), 16 * 1024 * 1024);

        Assert.That(access.Resolve(relative).AbsoluteUri, Is.EqualTo(expected));
        Assert.That(access.ToString(), Does.Not.Contain("sk-secret"));
    }

    private static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);
}
