using Microsoft.Extensions.Options;
using VoiceNote.Modules.AudioProcessing.Speech;
using VoiceNote.Modules.AudioProcessing.Speech.Media;

namespace VoiceNote.IntegrationTests.AudioProcessing.Speech;

/// <summary>Decoding real uploads to 16 kHz mono s16le PCM with the real ffmpeg.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class AudioDecoderTests
{
    private static readonly FfmpegAudioDecoder Decoder = new(new ExternalProcessRunner(), Options.Create(new MediaOptions()));

    /// <summary>Far above every sample here: only the decode-bomb tests reach a limit.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromHours(1);

    [TestCase("webm-opus")]
    [TestCase("ogg-vorbis")]
    [TestCase("m4a-aac")]
    [TestCase("mp3")]
    [TestCase("flac")]
    [TestCase("wav-44k-stereo")]
    public async Task Every_upload_format_decodes_to_16_kHz_mono_pcm(string sample)
    {
        var output = SpeechSamples.NewPath("pcm");

        var result = await Decoder.DecodeToPcmAsync(await SpeechSamples.DentistAsAsync(sample), output, Limit);

        Assert.That(result.IsSuccess, Is.True, () => result.Error.Message);
        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Path, Is.EqualTo(output));
            Assert.That(new FileInfo(output).Length, Is.EqualTo(result.Value.Bytes));
            Assert.That(result.Value.Bytes % PcmFormat.BytesPerSample, Is.Zero);
            // 3.575 s at 32,000 bytes per second, give or take a codec's padding.
            Assert.That(result.Value.Duration.TotalSeconds, Is.EqualTo(3.575).Within(0.15));
            Assert.That(Directory.GetFiles(SpeechSamples.Folder, Path.GetFileName(output) + ".*.part"), Is.Empty);
        });
    }

    [Test]
    public async Task The_pcm_is_what_ffmpeg_reads_back_as_s16le_mono_16_kHz()
    {
        var output = SpeechSamples.NewPath("pcm");
        var decoded = await Decoder.DecodeToPcmAsync(await SpeechSamples.DentistAsAsync("m4a-aac"), output, Limit);

        // Reading the raw file back with the format spelled out must give the same duration.
        var outcome = await new ExternalProcessRunner().RunAsync(new ProcessRequest("ffprobe",
            ["-v", "error", "-f", "s16le", "-ar", "16000", "-ac", "1", "-show_entries", "stream=sample_rate,channels,codec_name", "-of", "csv=p=0", output]));

        Assert.That(decoded.IsSuccess, Is.True);
        Assert.That(outcome.StandardOutput.Trim(), Is.EqualTo("pcm_s16le,16000,1"));
    }

    [Test]
    public async Task A_file_with_nothing_decodable_fails_and_leaves_no_output()
    {
        var output = SpeechSamples.NewPath("pcm");

        var result = await Decoder.DecodeToPcmAsync(await SpeechSamples.CorruptFlacAsync(), output, Limit);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsFailure, Is.True);
            Assert.That(result.Error.Code, Is.EqualTo(MediaErrors.CorruptCode), result.Error.Message);
            Assert.That(File.Exists(output), Is.False);
            Assert.That(Directory.GetFiles(SpeechSamples.Folder, Path.GetFileName(output) + "*"), Is.Empty);
        });
    }

    [Test]
    public async Task A_cancelled_decode_leaves_no_output()
    {
        var input = (await SpeechSamples.SentencesAsync(4)).Path;
        var output = SpeechSamples.NewPath("pcm");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        Assert.That(async () => await Decoder.DecodeToPcmAsync(input, output, Limit, cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Directory.GetFiles(SpeechSamples.Folder, Path.GetFileName(output) + "*"), Is.Empty);
    }

    [Test]
    public async Task Audio_longer_than_its_container_claims_is_cut_at_the_limit_refused_and_deleted()
    {
        // Ten minutes of packets behind a header claiming 10 s; the limit is one minute.
        var bomb = await SpeechSamples.LongWebmClaimingTenSecondsAsync();
        var limit = TimeSpan.FromSeconds(60);
        var folder = Path.Combine(SpeechSamples.Folder, $"bomb-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, "audio.pcm");

        // The folder's size is sampled while ffmpeg writes: the most it ever held is the disk the decode used.
        long largest = 0;
        using var done = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                largest = Math.Max(largest, Directory.GetFiles(folder).Sum(SizeOrZero));
                await Task.Delay(2);
            }
        });
        var result = await Decoder.DecodeToPcmAsync(bomb, output, limit);
        await done.CancelAsync();
        await watch;

        var cap = PcmFormat.BytesFor(limit + FfmpegAudioDecoder.Margin);
        Assert.Multiple(() =>
        {
            Assert.That(result.IsFailure, Is.True, "ten minutes decoded under a one-minute limit");
            Assert.That(result.IsFailure ? result.Error.Code : null, Is.EqualTo(MediaErrors.TooLongCode));
            Assert.That(largest, Is.LessThanOrEqualTo(cap + (64 * 1024)),
                $"the partial PCM reached {largest} bytes; the limit is {cap} (ten minutes would be {PcmFormat.BytesFor(TimeSpan.FromSeconds(SpeechSamples.LongSeconds))})");
            Assert.That(Directory.GetFiles(folder), Is.Empty, "the partial PCM is deleted");
        });
    }

    // The decoder deletes its partial file between the listing and the stat; a vanished file holds nothing.
    private static long SizeOrZero(string file)
    {
        try
        {
            return new FileInfo(file).Length;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }

    [Test]
    public async Task A_recording_within_the_limit_decodes_whole()
    {
        var result = await Decoder.DecodeToPcmAsync(await SpeechSamples.DentistAsAsync("webm-opus"), SpeechSamples.NewPath("pcm"), TimeSpan.FromSeconds(4));

        Assert.That(result.IsSuccess, Is.True, () => result.Error.Message);
        Assert.That(result.Value.Duration.TotalSeconds, Is.EqualTo(3.575).Within(0.15));
    }

    [Test]
    public async Task A_playlist_behind_an_id3_tag_is_not_decoded_as_hls()
    {
        var output = SpeechSamples.NewPath("pcm");

        var result = await Decoder.DecodeToPcmAsync(await SpeechSamples.Id3TaggedPlaylistAsync(), output, Limit);

        Assert.That(result.IsFailure, Is.True, "the local file the playlist lists was decoded");
        Assert.That(File.Exists(output), Is.False);
    }
}
