using Microsoft.Extensions.Options;
using VoiceNote.Modules.AudioProcessing.Speech;
using VoiceNote.Modules.AudioProcessing.Speech.Media;

namespace VoiceNote.IntegrationTests.AudioProcessing.Speech;

/// <summary>Probing real files with the real ffprobe/ffmpeg: what is playable is described, the rest refused with a reason.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class MediaProbeTests
{
    /// <summary>flite's dentist sentence lasts 3.575 s; lossy codecs add or trim a few frames.</summary>
    private const double DentistSeconds = 3.575;

    private static readonly FfprobeMediaProbe Probe = new(new ExternalProcessRunner(), Options.Create(new MediaOptions()));

    [TestCase("webm-opus", "webm", "opus", 48000)]
    [TestCase("ogg-vorbis", "ogg", "vorbis", 16000)]
    [TestCase("ogg-opus", "ogg", "opus", 48000)]
    [TestCase("m4a-aac", "m4a", "aac", 16000)]
    [TestCase("mp3", "mp3", "mp3", 16000)]
    [TestCase("aac-adts", "aac", "aac", 16000)]
    [TestCase("flac", "flac", "flac", 16000)]
    [TestCase("caf", "caf", "pcm_s16le", 16000)]
    [TestCase("wav-44k-stereo", "wav", "pcm_s16le", 44100)]
    public async Task Every_upload_format_is_described(string sample, string container, string codec, int sampleRate)
    {
        var path = await SpeechSamples.DentistAsAsync(sample);

        var result = await Probe.ProbeAsync(path);

        Assert.That(result.IsSuccess, Is.True, () => result.Error.Message);
        var info = result.Value;
        Assert.Multiple(() =>
        {
            Assert.That(info.Container, Is.EqualTo(container));
            Assert.That(info.Codec, Is.EqualTo(codec));
            Assert.That(info.SampleRate, Is.EqualTo(sampleRate));
            Assert.That(info.Channels, Is.EqualTo(sample == "wav-44k-stereo" ? 2 : 1));
            Assert.That(info.Duration.TotalSeconds, Is.EqualTo(DentistSeconds).Within(0.15));
            Assert.That(info.SizeBytes, Is.EqualTo(new FileInfo(path).Length));
        });
    }

    [Test]
    public async Task A_streamed_webm_without_a_duration_gets_one_from_its_packets()
    {
        var result = await Probe.ProbeAsync(await SpeechSamples.DentistStreamedWebmAsync());

        Assert.That(result.IsSuccess, Is.True, () => result.Error.Message);
        Assert.That(result.Value.Duration.TotalSeconds, Is.EqualTo(DentistSeconds).Within(0.15));
    }

    [Test]
    public async Task A_forged_duration_in_the_header_is_replaced_by_where_the_audio_really_ends()
    {
        var result = await Probe.ProbeAsync(await SpeechSamples.LongWebmClaimingTenSecondsAsync());

        Assert.That(result.IsSuccess, Is.True, () => result.Error.Message);
        Assert.That(result.Value.Duration.TotalSeconds, Is.EqualTo(SpeechSamples.LongSeconds).Within(1), "the header claims 10 s");
    }

    [Test]
    public async Task A_playlist_behind_an_id3_tag_is_not_audio()
    {
        var result = await Probe.ProbeAsync(await SpeechSamples.Id3TaggedPlaylistAsync());

        AssertFailure(result, MediaErrors.NotAudioCode, "ID3 tag followed by text");
    }

    [Test]
    public async Task A_png_named_wav_is_not_audio()
    {
        var result = await Probe.ProbeAsync(await SpeechSamples.PngNamedWavAsync());

        AssertFailure(result, MediaErrors.NotAudioCode, "PNG image");
    }

    [Test]
    public async Task A_text_named_wav_is_not_audio()
    {
        var result = await Probe.ProbeAsync(await SpeechSamples.TextNamedWavAsync());

        AssertFailure(result, MediaErrors.NotAudioCode, "text, not audio");
    }

    [Test]
    public async Task A_video_without_sound_is_not_audio()
    {
        var result = await Probe.ProbeAsync(await SpeechSamples.SilentVideoAsync());

        AssertFailure(result, MediaErrors.NotAudioCode, "without an audio stream");
    }

    [Test]
    public async Task A_zero_length_file_is_empty()
    {
        var result = await Probe.ProbeAsync(await SpeechSamples.EmptyAsync());

        AssertFailure(result, MediaErrors.EmptyCode, "empty");
    }

    [Test]
    public async Task The_first_kilobyte_of_an_m4a_is_truncated()
    {
        var result = await Probe.ProbeAsync(await SpeechSamples.TruncatedAsync("m4a-aac"));

        AssertFailure(result, MediaErrors.TruncatedCode, "truncated");
    }

    [Test]
    public async Task The_first_kilobyte_of_a_webm_is_truncated_although_its_header_claims_the_full_length()
    {
        var result = await Probe.ProbeAsync(await SpeechSamples.TruncatedAsync("webm-opus"));

        AssertFailure(result, MediaErrors.TruncatedCode, "truncated");
    }

    [Test]
    public async Task A_flac_signature_followed_by_garbage_is_refused()
    {
        var result = await Probe.ProbeAsync(await SpeechSamples.CorruptFlacAsync());

        Assert.That(result.IsFailure, Is.True);
        Assert.That(result.Error.Code, Is.AnyOf(MediaErrors.CorruptCode, MediaErrors.TruncatedCode), result.Error.Message);
    }

    private static void AssertFailure(VoiceNote.Domain.Results.Result<MediaInfo> result, string code, string reason)
    {
        Assert.That(result.IsFailure, Is.True, "the probe accepted it");
        Assert.Multiple(() =>
        {
            Assert.That(result.Error.Code, Is.EqualTo(code), result.Error.Message);
            Assert.That(result.Error.Message, Does.Contain(reason));
        });
    }
}
