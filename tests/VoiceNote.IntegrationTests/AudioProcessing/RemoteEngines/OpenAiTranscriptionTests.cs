using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.IntegrationTests.AudioProcessing.RemoteEngines;

/// <summary>The OpenAI-compatible adapter (openai, groq, openai-compatible) against a real server speaking <c>/audio/transcriptions</c>.</summary>
public sealed class OpenAiTranscriptionTests
{
    private const string VerboseJson = """
        {"task":"transcribe","language":"english","duration":1.5,"text":" Call the dentist.",
         "words":[{"word":"Call","start":0.0,"end":0.32},{"word":"the","start":0.32,"end":0.45},{"word":"dentist","start":0.45,"end":1.1}],
         "segments":[{"id":0,"start":0.0,"end":1.5,"text":" Call the dentist."}]}
        """;

    private RemoteEngineHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await RemoteEngineHost.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [SetUp]
    public void AnswerWithATranscript() => _host.Wire.Answer = (_, http) => WireServer.Json(http, 200, VerboseJson);

    [Test]
    public async Task OpenAi_gets_a_streamed_wav_with_model_and_word_timestamps_and_its_words_come_back_in_bcp47()
    {
        var pcm = _host.TonePcm(1.5);
        var engine = _host.Recognizer("openai");

        var result = await engine.RecognizeAsync(pcm);

        Assert.That(result.IsSuccess, Is.True, () => result.Error.Message);
        var sent = _host.Wire.Requests[^1];
        var form = await RemoteEngineHost.FormAsync(sent);
        Assert.Multiple(() =>
        {
            Assert.That(sent.Method, Is.EqualTo("POST"));
            Assert.That(sent.Path, Is.EqualTo("/v1/audio/transcriptions"));
            Assert.That(sent.Headers["Authorization"], Is.EqualTo("Bearer " + RemoteEngineHost.Key));
            Assert.That(sent.Headers["Content-Length"], Is.EqualTo(sent.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), "a sized body, not chunked");
            Assert.That(form["model"].Text, Is.EqualTo("whisper-1"));
            Assert.That(form["response_format"].Text, Is.EqualTo("verbose_json"));
            Assert.That(form["timestamp_granularities[]"].Text, Is.EqualTo("word"));
            Assert.That(form.ContainsKey("language"), Is.False, "no hint configured: the engine detects the language");
            Assert.That(form["file"].FileName, Is.EqualTo("audio.wav"));
            Assert.That(form["file"].ContentType, Is.EqualTo("audio/wav"));
            Assert.That(RemoteEngineHost.AssertWav(form["file"].Data), Is.EqualTo(File.ReadAllBytes(pcm)));
        });

        var speech = result.Value;
        Assert.Multiple(() =>
        {
            Assert.That(speech.Engine, Is.EqualTo("openai"));
            Assert.That(speech.Text, Is.EqualTo("Call the dentist."));
            Assert.That(speech.Language, Is.EqualTo("en"));
            Assert.That(speech.AudioDuration, Is.EqualTo(TimeSpan.FromSeconds(1.5)));
            Assert.That(speech.Words, Is.EqualTo(new[]
            {
                new RecognizedWord("Call", 0.0, 0.32, 1.0),
                new RecognizedWord("the", 0.32, 0.45, 1.0),
                new RecognizedWord("dentist", 0.45, 1.1, 1.0),
            }));
        });
    }

    [Test]
    public async Task Groq_uses_its_own_path_and_model_and_the_model_is_configurable()
    {
        var result = await _host.Recognizer("groq").RecognizeAsync(_host.TonePcm(0.5));
        var configured = await _host.Recognizer("groq", new Dictionary<string, string?> { ["Speech:Groq:Model"] = "distil-whisper-large-v3-en" })
            .RecognizeAsync(_host.TonePcm(0.5));

        Assert.That(result.IsSuccess && configured.IsSuccess, Is.True);
        var requests = _host.Wire.Requests;
        var defaultForm = await RemoteEngineHost.FormAsync(requests[^2]);
        var configuredForm = await RemoteEngineHost.FormAsync(requests[^1]);
        Assert.Multiple(() =>
        {
            Assert.That(requests[^2].Path, Is.EqualTo("/openai/v1/audio/transcriptions"));
            Assert.That(defaultForm["model"].Text, Is.EqualTo("whisper-large-v3"));
            Assert.That(configuredForm["model"].Text, Is.EqualTo("distil-whisper-large-v3-en"));
            Assert.That(result.Value.Engine, Is.EqualTo("groq"));
        });
    }

    [Test]
    public async Task A_self_hosted_server_is_reached_at_the_owners_base_url_with_the_configured_language_hint()
    {
        _host.Wire.Answer = (_, http) => WireServer.Json(http, 200, """
            {"text":"Zahnarzt anrufen","language":"de","duration":0.9,
             "words":[{"word":" Zahnarzt","start":0.1,"end":0.5,"probability":0.82},{"word":" anrufen","start":0.5,"end":0.9,"probability":0.95}]}
            """);
        var engine = _host.Recognizer("openai-compatible", new Dictionary<string, string?>
        {
            ["Speech:OpenAiCompatible:Model"] = "Systran/faster-whisper-small",
            ["Speech:OpenAiCompatible:Language"] = "de",
        });

        var result = await engine.RecognizeAsync(_host.TonePcm(1.0));

        Assert.That(result.IsSuccess, Is.True, () => result.Error.Message);
        var sent = _host.Wire.Requests[^1];
        var form = await RemoteEngineHost.FormAsync(sent);
        Assert.Multiple(() =>
        {
            Assert.That(sent.Path, Is.EqualTo("/selfhosted/v1/audio/transcriptions"));
            Assert.That(form["model"].Text, Is.EqualTo("Systran/faster-whisper-small"));
            Assert.That(form["language"].Text, Is.EqualTo("de"));
            Assert.That(engine.Language, Is.EqualTo("de"));
            Assert.That(result.Value.Engine, Is.EqualTo("openai-compatible"));
            Assert.That(result.Value.Language, Is.EqualTo("de"));
            Assert.That(result.Value.Words.Select(w => (w.Text, w.Confidence)), Is.EqualTo(new[] { ("Zahnarzt", 0.82), ("anrufen", 0.95) }));
        });
    }

    [Test]
    public void Openai_and_groq_declare_the_25_mb_upload_limit_and_english()
    {
        foreach (var name in new[] { "openai", "groq" })
        {
            var engine = _host.Recognizer(name);
            Assert.Multiple(() =>
            {
                Assert.That(engine.Engine, Is.EqualTo(name));
                Assert.That(engine.Language, Is.EqualTo("en"));
                Assert.That(engine.Limits.MaxBytes + 44, Is.LessThan(25_000_000), "PCM plus WAV header and form fields stay under 25 MB");
                Assert.That(engine.Limits.MaxBytes, Is.GreaterThan(24_900_000));
                Assert.That(engine.Limits.Allows(PcmFormat.BytesFor(TimeSpan.FromMinutes(14))), Is.False, "14 minutes of PCM is over 25 MB: chunked");
                Assert.That(engine.Limits.Allows(PcmFormat.BytesFor(TimeSpan.FromMinutes(12))), Is.True);
            });
        }
    }

    [Test]
    public async Task A_stream_that_cannot_seek_is_sent_whole_with_its_true_length()
    {
        var pcm = _host.TonePcm(0.75);
        await using var unseekable = new ForwardOnlyStream(File.ReadAllBytes(pcm));

        var result = await _host.Recognizer("openai").RecognizeAsync(unseekable);

        Assert.That(result.IsSuccess, Is.True, () => result.Error.Message);
        var form = await RemoteEngineHost.FormAsync(_host.Wire.Requests[^1]);
        Assert.That(RemoteEngineHost.AssertWav(form["file"].Data), Is.EqualTo(File.ReadAllBytes(pcm)));
    }

    [Test]
    public async Task Audio_over_the_limit_is_refused_before_anything_is_sent()
    {
        var engine = _host.Recognizer("openai", new Dictionary<string, string?> { ["Speech:OpenAi:MaxDuration"] = "00:00:02" });
        var pcm = _host.TonePcm(2.5);
        var before = _host.Wire.Requests.Count;

        var fromFile = await engine.RecognizeAsync(pcm);
        await using var unseekable = new ForwardOnlyStream(File.ReadAllBytes(pcm));
        var fromStream = await engine.RecognizeAsync(unseekable);

        Assert.Multiple(() =>
        {
            Assert.That(fromFile.Error.Code, Is.EqualTo(SpeechErrors.AudioTooLongCode));
            Assert.That(fromStream.Error.Code, Is.EqualTo(SpeechErrors.AudioTooLongCode));
            Assert.That(_host.Wire.Requests, Has.Count.EqualTo(before));
        });
    }

    /// <summary>A pipe-like stream: read forward only, length unknown.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
