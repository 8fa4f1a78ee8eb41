using Microsoft.Extensions.Options;
using VoiceNote.Modules.AudioProcessing.Speech;
using VoiceNote.Modules.AudioProcessing.Speech.Media;

namespace VoiceNote.IntegrationTests.AudioProcessing.Speech;

/// <summary>Splitting long PCM into chunks for engines with a per-call limit, and the pause finder that places the cuts.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class AudioSplitterTests
{
    [Test]
    public async Task Long_audio_splits_into_contiguous_chunks_cut_in_pauses()
    {
        var (pcm, duration) = await DecodedSentencesAsync();
        var folder = SpeechSamples.NewPath("chunks");

        var chunks = await new PcmAudioSplitter().SplitAsync(pcm, folder, TimeSpan.FromSeconds(8), AudioChunkFormat.RawPcm);

        var samples = ReadSamples(pcm);
        Assert.That(chunks, Has.Count.GreaterThanOrEqualTo(3));
        Assert.Multiple(() =>
        {
            Assert.That(chunks.Select(c => c.Index), Is.EqualTo(Enumerable.Range(0, chunks.Count)));
            Assert.That(chunks[0].Offset, Is.EqualTo(TimeSpan.Zero));
            for (var i = 0; i < chunks.Count; i++)
            {
                Assert.That(chunks[i].Duration, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(8)));
                Assert.That(new FileInfo(chunks[i].Path).Length, Is.EqualTo(PcmFormat.BytesFor(chunks[i].Duration)));
                if (i + 1 < chunks.Count)
                {
                    Assert.That(chunks[i].Duration, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(4)), "a cut before the window's second half");
                    Assert.That(chunks[i + 1].Offset, Is.EqualTo(chunks[i].Offset + chunks[i].Duration).Within(TimeSpan.FromTicks(1)));
                    // The cut sits in one of the 0.8 s pauses: the 20 ms around it are (near) silent.
                    var cut = (int)Math.Round(chunks[i + 1].Offset.TotalSeconds * PcmFormat.SampleRate);
                    Assert.That(PauseFinder.FrameLevels(samples.AsSpan(cut - 160, 320)).Max(), Is.LessThan(-50), $"cut {i} at {chunks[i + 1].Offset} is not in a pause");
                }
            }

            Assert.That(chunks.Sum(c => c.Duration.TotalSeconds), Is.EqualTo(duration.TotalSeconds).Within(0.001));
            Assert.That(chunks.Select(c => File.ReadAllBytes(c.Path)).SelectMany(b => b), Is.EqualTo(File.ReadAllBytes(pcm)), "chunks concatenated are the input");
        });
    }

    [Test]
    public async Task Wav_chunks_are_valid_wave_files()
    {
        var (pcm, _) = await DecodedSentencesAsync();
        var folder = SpeechSamples.NewPath("chunks");

        var chunks = await new PcmAudioSplitter().SplitAsync(pcm, folder, TimeSpan.FromSeconds(10), AudioChunkFormat.Wav);

        var probe = new FfprobeMediaProbe(new ExternalProcessRunner(), Options.Create(new MediaOptions()));
        foreach (var chunk in chunks)
        {
            var info = await probe.ProbeAsync(chunk.Path);
            Assert.That(info.IsSuccess, Is.True, () => info.Error.Message);
            Assert.That(info.Value, Has.Property(nameof(MediaInfo.Container)).EqualTo("wav")
                .And.Property(nameof(MediaInfo.SampleRate)).EqualTo(16000)
                .And.Property(nameof(MediaInfo.Channels)).EqualTo(1));
            Assert.That(info.Value.Duration.TotalSeconds, Is.EqualTo(chunk.Duration.TotalSeconds).Within(0.01));
        }
    }

    [Test]
    public async Task Audio_shorter_than_the_limit_is_one_chunk()
    {
        var pcm = SpeechSamples.NewPath("pcm");
        await new FfmpegAudioDecoder(new ExternalProcessRunner(), Options.Create(new MediaOptions())).DecodeToPcmAsync(await SpeechSamples.DentistWavAsync(), pcm, TimeSpan.FromHours(1));

        var chunks = await new PcmAudioSplitter().SplitAsync(pcm, SpeechSamples.NewPath("chunks"), TimeSpan.FromSeconds(30), AudioChunkFormat.RawPcm);

        Assert.That(chunks, Has.Count.EqualTo(1));
        Assert.That(chunks[0].Duration, Is.EqualTo(PcmFormat.DurationOf(new FileInfo(pcm).Length)));
    }

    [Test]
    public void The_pause_finder_cuts_in_the_middle_of_the_longest_pause()
    {
        // tone 1 s | pause 0.2 s | tone 1 s | pause 0.5 s | tone 1 s
        var samples = Concat(Tone(1.0), Silence(0.2), Tone(1.0), Silence(0.5), Tone(1.0));

        var cut = PauseFinder.FindCut(samples, 0, samples.Length);

        Assert.That(cut / 16000.0, Is.EqualTo(2.2 + 0.25).Within(0.02));
    }

    [Test]
    public void The_pause_finder_stays_inside_its_window()
    {
        // The longest pause (0.5 s at 1–1.5 s) lies before the window, so the shorter one is chosen.
        var samples = Concat(Tone(1.0), Silence(0.5), Tone(1.0), Silence(0.1), Tone(1.0));

        var cut = PauseFinder.FindCut(samples, 32000, samples.Length);

        Assert.That(cut / 16000.0, Is.EqualTo(2.5 + 0.05).Within(0.02));
    }

    [Test]
    public void Without_any_pause_the_cut_goes_to_the_quietest_moment()
    {
        // Loud noise throughout with a dip in level (not silence) at 1.2 s.
        var random = new Random(3);
        var samples = Enumerable.Range(0, 48000).Select(i => (short)(random.Next(-20000, 20000) * (Math.Abs(i - 19200) < 800 ? 0.3 : 1))).ToArray();

        var cut = PauseFinder.FindCut(samples, 8000, 40000);

        Assert.That(cut / 16000.0, Is.EqualTo(1.2).Within(0.06));
    }

    [Test]
    public void Digital_silence_and_faint_hiss_count_as_silent_and_a_voice_does_not()
    {
        var random = new Random(5);
        var hiss = Enumerable.Range(0, 16000).Select(_ => (short)random.Next(-10, 11)).ToArray();
        var quietVoice = Tone(1.0).Select(s => (short)(s / 100)).ToArray(); // about −55 dBFS

        Assert.Multiple(() =>
        {
            Assert.That(PauseFinder.IsSilent(Silence(1.0)), Is.True);
            Assert.That(PauseFinder.IsSilent(hiss), Is.True);
            Assert.That(PauseFinder.IsSilent([]), Is.True);
            Assert.That(PauseFinder.IsSilent(quietVoice), Is.False);
            Assert.That(PauseFinder.IsSilent(Concat(Silence(1.0), Tone(0.05))), Is.False);
        });
    }

    private static async Task<(string Pcm, TimeSpan Duration)> DecodedSentencesAsync()
    {
        var wav = (await SpeechSamples.SentencesAsync(4)).Path;
        var pcm = SpeechSamples.NewPath("pcm");
        var decoded = await new FfmpegAudioDecoder(new ExternalProcessRunner(), Options.Create(new MediaOptions())).DecodeToPcmAsync(wav, pcm, TimeSpan.FromHours(1));
        return (pcm, decoded.Value.Duration);
    }

    private static short[] ReadSamples(string pcm)
    {
        var bytes = File.ReadAllBytes(pcm);
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return samples;
    }

    private static short[] Tone(double seconds) =>
        Enumerable.Range(0, (int)(seconds * 16000)).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 16000))).ToArray();

    private static short[] Silence(double seconds) => new short[(int)(seconds * 16000)];

    private static short[] Concat(params short[][] parts) => parts.SelectMany(p => p).ToArray();
}
