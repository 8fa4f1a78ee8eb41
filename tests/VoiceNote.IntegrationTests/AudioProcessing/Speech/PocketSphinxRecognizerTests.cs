using Microsoft.Extensions.Options;
using VoiceNote.Modules.AudioProcessing.Speech;
using VoiceNote.Modules.AudioProcessing.Speech.Media;
using VoiceNote.Modules.AudioProcessing.Speech.PocketSphinx;

namespace VoiceNote.IntegrationTests.AudioProcessing.Speech;

/// <summary>
/// The offline engine end to end on real speech: flite → ffmpeg (every upload format) → PCM → PocketSphinx.
/// Recognition is not exact, so assertions are on key words and on the shape of the timings.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class PocketSphinxRecognizerTests
{
    private static readonly FfmpegAudioDecoder Decoder = new(new ExternalProcessRunner(), Options.Create(new MediaOptions()));

    /// <summary>Shared by the tests of this fixture: two decoders, loaded when first needed.</summary>
    private PocketSphinxRecognizer _recognizer = null!;

    [OneTimeSetUp]
    public void CreateRecognizer() => _recognizer = new PocketSphinxRecognizer(Options.Create(new OfflineSpeechOptions { PoolSize = 2 }));

    [OneTimeTearDown]
    public void DisposeRecognizer() => _recognizer.Dispose();

    [Test]
    public void It_declares_its_name_language_and_limits()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_recognizer.Engine, Is.EqualTo("local"));
            Assert.That(_recognizer.Language, Is.EqualTo("en"));
            Assert.That(_recognizer.Limits.MaxDuration, Is.EqualTo(TimeSpan.FromHours(4)));
            Assert.That(_recognizer.Limits.MaxBytes, Is.EqualTo(4L * 3600 * PcmFormat.BytesPerSecond));
            Assert.That(_recognizer.PoolSize, Is.EqualTo(2));
        });
    }

    [TestCase("webm-opus")]
    [TestCase("ogg-vorbis")]
    [TestCase("m4a-aac")]
    [TestCase("mp3")]
    [TestCase("flac")]
    [TestCase("wav-44k-stereo")]
    public async Task Speech_in_every_upload_format_is_recognised(string sample)
    {
        var pcm = await DecodeAsync(await SpeechSamples.DentistAsAsync(sample));

        var result = await _recognizer.RecognizeAsync(pcm);

        Assert.That(result.IsSuccess, Is.True, () => result.Error.Message);
        var speech = result.Value;
        Assert.Multiple(() =>
        {
            Assert.That(speech.Text, Does.Contain("dentist").And.Contain("milk"));
            Assert.That(speech.Engine, Is.EqualTo("local"));
            Assert.That(speech.Language, Is.EqualTo("en"));
            Assert.That(speech.AudioDuration.TotalSeconds, Is.EqualTo(3.575).Within(0.15));
            Assert.That(speech.Text, Is.EqualTo(string.Join(' ', speech.Words.Select(w => w.Text))));
        });
        AssertTimingsAreOrdered(speech);
    }

    [Test]
    public async Task Word_timings_and_confidences_are_plausible()
    {
        var pcm = await DecodeAsync(await SpeechSamples.DentistWavAsync());

        var speech = (await _recognizer.RecognizeAsync(pcm)).Value;

        var dentist = speech.Words.First(w => w.Text == "dentist");
        var milk = speech.Words.Last(w => w.Text == "milk");
        Assert.Multiple(() =>
        {
            // flite says "dentist" at about 0.5–1.0 s and "milk" at the very end.
            Assert.That(dentist.Start, Is.InRange(0.2, 1.2));
            Assert.That(dentist.End - dentist.Start, Is.InRange(0.2, 1.0));
            Assert.That(milk.End, Is.EqualTo(speech.AudioDuration.TotalSeconds).Within(0.5));
            Assert.That(speech.Words.Select(w => w.Confidence), Is.All.InRange(0.0, 1.0));
            Assert.That(milk.Confidence, Is.GreaterThan(0.5));
            Assert.That(speech.Words.Select(w => w.Text), Has.None.StartsWith("<").And.None.StartsWith("[").And.None.Contains("("));
        });
    }

    [Test]
    public async Task Audio_longer_than_one_utterance_keeps_its_words_on_the_recordings_clock()
    {
        // 4 sentences (about 21 s) decoded as utterances of at most 6 s: word times must be offset correctly.
        var (wav, starts) = await SpeechSamples.SentencesAsync(4);
        var pcm = await DecodeAsync(wav);
        using var recognizer = new PocketSphinxRecognizer(Options.Create(new OfflineSpeechOptions { PoolSize = 1, MaxUtterance = TimeSpan.FromSeconds(6) }));

        var speech = (await recognizer.RecognizeAsync(pcm)).Value;

        var duration = await SpeechSamples.DurationAsync(wav);
        var words = speech.Words.Select(w => w.Text).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(words, Does.Contain("dentist").And.Contain("quarterly").And.Contain("restaurant").And.Contain("plants"));
            Assert.That(speech.AudioDuration.TotalSeconds, Is.EqualTo(duration).Within(0.01));
            Assert.That(At(speech, "dentist"), Is.InRange(starts[0], starts[1]));
            Assert.That(At(speech, "quarterly"), Is.InRange(starts[1], starts[2]));
            Assert.That(At(speech, "restaurant"), Is.InRange(starts[2], starts[3]));
            Assert.That(At(speech, "plants"), Is.InRange(starts[3], speech.AudioDuration.TotalSeconds));
        });
        AssertTimingsAreOrdered(speech);
    }

    [Test]
    public async Task Concurrent_recognitions_share_the_pool_and_all_come_out_right()
    {
        var dentist = await DecodeAsync(await SpeechSamples.DentistAsAsync("webm-opus"));
        var (sentences, _) = await SpeechSamples.SentencesAsync(2);
        var report = await DecodeAsync(sentences);
        string[] inputs = [dentist, report, dentist, report, dentist];

        var results = await Task.WhenAll(inputs.Select(path => Task.Run(() => _recognizer.RecognizeAsync(path))));

        Assert.Multiple(() =>
        {
            for (var i = 0; i < inputs.Length; i++)
            {
                Assert.That(results[i].IsSuccess, Is.True);
                var expected = inputs[i] == dentist ? new[] { "dentist", "milk" } : ["dentist", "quarterly", "finance"];
                Assert.That(results[i].Value.Words.Select(w => w.Text), Is.SupersetOf(expected), $"recognition {i}");
            }

            Assert.That(_recognizer.LoadedDecoders, Is.InRange(1, 2), "the pool never grows past its size");
        });
    }

    [Test]
    public async Task Decoders_are_loaded_lazily_and_reused()
    {
        var pcm = await DecodeAsync(await SpeechSamples.DentistWavAsync());
        using var recognizer = new PocketSphinxRecognizer(Options.Create(new OfflineSpeechOptions { PoolSize = 3 }));
        var before = recognizer.LoadedDecoders;

        await recognizer.RecognizeAsync(pcm);
        await recognizer.RecognizeAsync(pcm);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Zero);
            Assert.That(recognizer.LoadedDecoders, Is.EqualTo(1), "one caller at a time needs one decoder");
        });
    }

    [Test]
    public async Task Silence_and_nothing_give_no_words()
    {
        var empty = await _recognizer.RecognizeAsync(new MemoryStream([]));
        var silence = await _recognizer.RecognizeAsync(new MemoryStream(new byte[PcmFormat.BytesPerSecond]));

        Assert.Multiple(() =>
        {
            Assert.That(empty.Value.Words, Is.Empty);
            Assert.That(empty.Value.Text, Is.Empty);
            Assert.That(empty.Value.AudioDuration, Is.EqualTo(TimeSpan.Zero));
            Assert.That(silence.Value.Words, Is.Empty);
            Assert.That(silence.Value.AudioDuration, Is.EqualTo(TimeSpan.FromSeconds(1)));
        });
    }

    [Test]
    public async Task Audio_over_the_declared_limit_is_refused_from_files_and_from_unseekable_streams()
    {
        var pcm = await DecodeAsync(await SpeechSamples.DentistWavAsync());
        using var recognizer = new PocketSphinxRecognizer(Options.Create(new OfflineSpeechOptions { PoolSize = 1, MaxDuration = TimeSpan.FromSeconds(2) }));

        var fromFile = await recognizer.RecognizeAsync(pcm);
        await using var unseekable = new UnseekableStream(File.OpenRead(pcm));
        var fromStream = await recognizer.RecognizeAsync(unseekable);

        Assert.Multiple(() =>
        {
            Assert.That(fromFile.Error.Code, Is.EqualTo(SpeechErrors.AudioTooLongCode));
            Assert.That(fromStream.Error.Code, Is.EqualTo(SpeechErrors.AudioTooLongCode));
            Assert.That(fromFile.Error.Message, Does.Contain("split it first"));
        });
    }

    [Test]
    public async Task A_cancelled_recognition_stops_and_the_engine_keeps_working()
    {
        var (wav, _) = await SpeechSamples.SentencesAsync(4);
        var longPcm = await DecodeAsync(wav);
        var shortPcm = await DecodeAsync(await SpeechSamples.DentistWavAsync());
        using var recognizer = new PocketSphinxRecognizer(Options.Create(new OfflineSpeechOptions { PoolSize = 1, MaxUtterance = TimeSpan.FromSeconds(3) }));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.That(async () => await recognizer.RecognizeAsync(longPcm, cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
        var after = await recognizer.RecognizeAsync(shortPcm);

        Assert.That(after.Value.Text, Does.Contain("dentist"));
    }

    [Test]
    public async Task A_missing_model_is_reported_clearly()
    {
        var pcm = await DecodeAsync(await SpeechSamples.DentistWavAsync());
        using var recognizer = new PocketSphinxRecognizer(Options.Create(new OfflineSpeechOptions { PoolSize = 1, ModelDirectory = "/nonexistent/model" }));

        Assert.That(async () => await recognizer.RecognizeAsync(pcm),
            Throws.InvalidOperationException.With.Message.Contains("model is incomplete").And.Message.Contains("pocketsphinx-en-us"));
    }

    private static async Task<string> DecodeAsync(string input)
    {
        var output = SpeechSamples.NewPath("pcm");
        var decoded = await Decoder.DecodeToPcmAsync(input, output, TimeSpan.FromHours(1));
        Assert.That(decoded.IsSuccess, Is.True, () => decoded.Error.Message);
        return output;
    }

    private static double At(RecognizedSpeech speech, string word) => speech.Words.First(w => w.Text == word).Start;

    private static void AssertTimingsAreOrdered(RecognizedSpeech speech)
    {
        var duration = speech.AudioDuration.TotalSeconds;
        Assert.That(speech.Words, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            var previousEnd = 0.0;
            foreach (var word in speech.Words)
            {
                Assert.That(word.Start, Is.LessThan(word.End), $"{word.Text} ends before it starts");
                Assert.That(word.Start, Is.GreaterThanOrEqualTo(previousEnd), $"{word.Text} starts before the previous word ends");
                Assert.That(word.End, Is.LessThanOrEqualTo(duration + 0.01), $"{word.Text} ends after the audio");
                previousEnd = word.End;
            }
        });
    }

    /// <summary>A stream that cannot tell its length, like a request body.</summary>
    private sealed class UnseekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
