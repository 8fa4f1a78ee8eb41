using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.IntegrationTests.AudioProcessing.RemoteEngines;

/// <summary>The Deepgram adapter against a real server speaking <c>/v1/listen</c>.</summary>
public sealed class DeepgramRecognizerTests
{
    private const string Listen = """
        {"metadata":{"request_id":"r-1","duration":2.25,"channels":1},
         "results":{"channels":[{"detected_language":"en","language_confidence":0.97,
           "alternatives":[{"transcript":"call the dentist tomorrow","confidence":0.98,
             "words":[{"word":"call","start":0.08,"end":0.4,"confidence":0.99,"punctuated_word":"Call"},
                      {"word":"the","start":0.4,"end":0.52,"confidence":0.97,"punctuated_word":"the"},
                      {"word":"dentist","start":0.52,"end":1.1,"confidence":0.93,"punctuated_word":"dentist"},
                      {"word":"tomorrow","start":1.1,"end":1.7,"confidence":0.9,"punctuated_word":"tomorrow."}]}]}]}}
        """;

    private RemoteEngineHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await RemoteEngineHost.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [SetUp]
    public void AnswerWithATranscript() => _host.Wire.Answer = (_, http) => WireServer.Json(http, 200, Listen);

    [Test]
    public async Task It_posts_the_wav_as_the_body_with_a_token_and_reads_punctuated_words_language_and_duration()
    {
        var pcm = _host.TonePcm(2.25);

        var result = await _host.Recognizer("deepgram").RecognizeAsync(pcm);

        Assert.That(result.IsSuccess, Is.True, () => result.Error.Message);
        var sent = _host.Wire.Requests[^1];
        Assert.Multiple(() =>
        {
            Assert.That(sent.Method, Is.EqualTo("POST"));
            Assert.That(sent.Path, Is.EqualTo("/v1/listen"));
            Assert.That(sent.Query, Is.EqualTo("?model=nova-2&smart_format=true&punctuate=true&detect_language=true"));
            Assert.That(sent.Headers["Authorization"], Is.EqualTo("Token " + RemoteEngineHost.Key));
            Assert.That(sent.ContentType, Is.EqualTo("audio/wav"));
            Assert.That(RemoteEngineHost.AssertWav(sent.Body), Is.EqualTo(File.ReadAllBytes(pcm)));
        });

        var speech = result.Value;
        Assert.Multiple(() =>
        {
            Assert.That(speech.Engine, Is.EqualTo("deepgram"));
            Assert.That(speech.Text, Is.EqualTo("call the dentist tomorrow"));
            Assert.That(speech.Language, Is.EqualTo("en"));
            Assert.That(speech.AudioDuration, Is.EqualTo(TimeSpan.FromSeconds(2.25)));
            Assert.That(speech.Words, Has.Count.EqualTo(4));
            Assert.That(speech.Words[0], Is.EqualTo(new RecognizedWord("Call", 0.08, 0.4, 0.99)));
            Assert.That(speech.Words[3], Is.EqualTo(new RecognizedWord("tomorrow.", 1.1, 1.7, 0.9)));
        });
    }

    [Test]
    public async Task A_configured_language_and_model_replace_detection_and_the_default_model()
    {
        var engine = _host.Recognizer("deepgram", new Dictionary<string, string?> { ["Speech:Deepgram:Language"] = "de", ["Speech:Deepgram:Model"] = "nova-3" });

        var result = await engine.RecognizeAsync(_host.TonePcm(0.5));

        Assert.That(result.IsSuccess, Is.True, () => result.Error.Message);
        Assert.That(_host.Wire.Requests[^1].Query, Is.EqualTo("?model=nova-3&smart_format=true&punctuate=true&language=de"));
        Assert.That(engine.Language, Is.EqualTo("de"));
    }

    [Test]
    public void It_declares_two_hours_per_call_so_a_long_note_is_one_request()
    {
        var engine = _host.Recognizer("deepgram");

        Assert.Multiple(() =>
        {
            Assert.That(engine.Limits.MaxDuration, Is.EqualTo(TimeSpan.FromHours(2)));
            Assert.That(engine.Limits.Allows(PcmFormat.BytesFor(TimeSpan.FromHours(2))), Is.True);
            Assert.That(engine.Limits.Allows(PcmFormat.BytesFor(TimeSpan.FromHours(2.01))), Is.False);
        });
    }
}
