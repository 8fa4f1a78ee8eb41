using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Extensions.Options;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.AudioProcessing.Speech;
using VoiceNote.Modules.AudioProcessing.Speech.Media;

namespace VoiceNote.IntegrationTests.AudioProcessing.RemoteEngines;

/// <summary>
/// Real speech (flite → ffmpeg → PCM) longer than an engine's per-call limit goes through
/// <see cref="ChunkedTranscriber"/>: several requests, each a valid WAV within the limit, and the words
/// each answer times from its own start come back on the recording's clock.
/// </summary>
public sealed class ChunkedRemoteTranscriptionTests
{
    private const string Speech =
        "Call the dentist tomorrow at five pm and buy milk. " +
        "Remind me to send the quarterly report to the finance team by friday. " +
        "Don't forget to water the plants in the kitchen before leaving for the airport. " +
        "The meeting with the design team moved to next monday at ten in the morning. " +
        "Pick up the dry cleaning and get some bread and eggs on the way home.";

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(8);

    private RemoteEngineHost _host = null!;
    private DecodedAudio _audio = null!;

    [OneTimeSetUp]
    public async Task MakeSpeech()
    {
        _host = await RemoteEngineHost.StartAsync();
        var wav = Path.Combine(_host.Folder, "speech.wav");
        await new ExternalProcessRunner().RunAsync(new ProcessRequest("flite", ["-voice", "rms", "-t", Speech, "-o", wav]));
        var decoder = new FfmpegAudioDecoder(new ExternalProcessRunner(), Options.Create(new MediaOptions()));
        var decoded = await decoder.DecodeToPcmAsync(wav, Path.Combine(_host.Folder, "speech.pcm"), TimeSpan.FromHours(1));
        Assert.That(decoded.IsSuccess, Is.True, () => decoded.Error.Message);
        _audio = decoded.Value;
        Assert.That(_audio.Duration, Is.GreaterThan(Limit * 2), "the sample must need several chunks");
    }

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    public async Task Audio_longer_than_the_limit_is_sent_in_chunks_and_the_words_land_on_the_recordings_clock()
    {
        // The stand-in hears each chunk and names two words: one 0.25 s after the chunk's start, one 0.5 s before its end.
        _host.Wire.Answer = async (request, http) =>
        {
            var form = await RemoteEngineHost.FormAsync(request);
            var seconds = PcmFormat.DurationOf(form["file"].Data.Length - 44).TotalSeconds;
            await WireServer.Json(http, 200, string.Create(CultureInfo.InvariantCulture, $$$"""
                {"text":"part","language":"english","duration":{{{seconds}}},
                 "words":[{"word":"first","start":0.25,"end":0.5},{"word":"last","start":{{{seconds - 0.5}}},"end":{{{seconds - 0.25}}}}]}
                """));
        };
        var engine = _host.Recognizer("openai", new Dictionary<string, string?> { ["Speech:OpenAi:MaxDuration"] = "00:00:08" });
        var before = _host.Wire.Requests.Count;
        var progress = new List<double>();

        var result = await new ChunkedTranscriber(new PcmAudioSplitter()).TranscribeAsync(
            engine, _audio, _host.Folder, progress.Add, CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, () => result.Error.Message);
        var requests = _host.Wire.Requests.Skip(before).ToList();
        var sent = new List<byte[]>();
        foreach (var request in requests)
        {
            sent.Add(RemoteEngineHost.AssertWav((await RemoteEngineHost.FormAsync(request))["file"].Data));
        }

        var starts = sent.Select((_, i) => PcmFormat.DurationOf(sent.Take(i).Sum(d => (long)d.Length)).TotalSeconds).ToList();
        var expected = sent.SelectMany((data, i) => new[]
        {
            ("first", starts[i] + 0.25),
            ("last", starts[i] + PcmFormat.DurationOf(data.Length).TotalSeconds - 0.5),
        });
        var speech = result.Value;
        Assert.Multiple(() =>
        {
            Assert.That(requests, Has.Count.GreaterThanOrEqualTo(3));
            Assert.That(sent.Select(d => PcmFormat.DurationOf(d.Length)), Has.All.LessThanOrEqualTo(Limit));
            Assert.That(sent.SelectMany(d => d), Is.EqualTo(File.ReadAllBytes(_audio.Path)), "the chunks are the recording, once, in order");
            Assert.That(speech.Words.Select(w => w.Text), Is.EqualTo(expected.Select(e => e.Item1)));
            Assert.That(speech.Words.Select(w => w.Start), Is.EqualTo(expected.Select(e => e.Item2)).Within(0.0005), "word times on the recording's clock");
            Assert.That(speech.Text, Is.EqualTo(string.Join(' ', Enumerable.Repeat("part", requests.Count))));
            Assert.That(speech.Language, Is.EqualTo("en"));
            Assert.That(speech.Engine, Is.EqualTo("openai"));
            Assert.That(speech.AudioDuration, Is.EqualTo(_audio.Duration));
            // A remote engine answers each chunk in one call: the share of the audio recognised moves chunk by chunk, to the end.
            Assert.That(progress, Has.Count.EqualTo(requests.Count));
            Assert.That(progress, Is.Ordered.Ascending);
            Assert.That(progress[^1], Is.EqualTo(1.0));
            Assert.That(progress.Take(progress.Count - 1), Is.EqualTo(starts.Skip(1).Select(s => s / _audio.Duration.TotalSeconds)).Within(0.001), "after each chunk, where the next one starts");
            Assert.That(Directory.GetDirectories(_host.Folder), Is.Empty, "the chunk files are gone");
        });
    }

    [Test]
    public async Task Deepgram_takes_the_same_recording_in_one_request()
    {
        _host.Wire.Answer = (request, http) =>
        {
            var seconds = BinaryPrimitives.ReadUInt32LittleEndian(request.Body.AsSpan(40)) / (double)PcmFormat.BytesPerSecond;
            return WireServer.Json(http, 200, string.Create(CultureInfo.InvariantCulture, $$$"""
                {"metadata":{"duration":{{{seconds}}}},"results":{"channels":[{"detected_language":"en","alternatives":[{"transcript":"call the dentist",
                 "words":[{"word":"call","start":0.1,"end":0.4,"confidence":0.9}]}]}]}}
                """));
        };
        var before = _host.Wire.Requests.Count;

        var result = await new ChunkedTranscriber(new PcmAudioSplitter()).TranscribeAsync(
            _host.Recognizer("deepgram"), _audio, _host.Folder, null, CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, () => result.Error.Message);
        Assert.That(_host.Wire.Requests, Has.Count.EqualTo(before + 1));
        Assert.That(RemoteEngineHost.AssertWav(_host.Wire.Requests[^1].Body), Has.Length.EqualTo(_audio.Bytes));
    }
}
