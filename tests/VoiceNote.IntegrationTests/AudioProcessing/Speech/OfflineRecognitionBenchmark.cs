using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using VoiceNote.Modules.AudioProcessing.Speech.Media;
using VoiceNote.Modules.AudioProcessing.Speech.PocketSphinx;

namespace VoiceNote.IntegrationTests.AudioProcessing.Speech;

/// <summary>
/// Not a test: measures the offline engine's real-time factor and word error rate on a ~68 s flite recording
/// (13 sentences with 0.8 s pauses), clean and with white noise, for the three ways of feeding long audio
/// compared in ADR 0036, and prints the figures. "Peak working set" is the test process's peak so far: run
/// one case per invocation for a memory figure. Run on purpose only (figures in docs/benchmarks.md):
/// <c>dotnet test tests/VoiceNote.IntegrationTests --no-build --filter "FullyQualifiedName~OfflineRecognitionBenchmark" --logger "console;verbosity=detailed"</c>
/// </summary>
[Explicit("benchmark: prints figures, asserts only that recognition worked")]
[Category("Benchmark")]
[NonParallelizable]
public sealed class OfflineRecognitionBenchmark
{
    [TestCase("default", 20, true, 0.0, Description = "utterances of at most 20 s cut in pauses, each fed whole (the default)")]
    [TestCase("streamed", 20, false, 0.0, Description = "utterances of at most 20 s cut in pauses, fed in 4096-sample blocks")]
    [TestCase("one-utterance", 600, false, 0.0, Description = "the whole recording as one utterance, fed in 4096-sample blocks")]
    [TestCase("default", 20, true, 0.01, Description = "the same three with white noise mixed in")]
    [TestCase("streamed", 20, false, 0.01)]
    [TestCase("one-utterance", 600, false, 0.01)]
    public async Task Real_time_factor(string strategy, int maxUtteranceSeconds, bool wholeUtterances, double noise)
    {
        var (clean, _) = await SpeechSamples.SentencesAsync(SpeechSamples.Sentences.Length);
        var wav = noise > 0 ? await SpeechSamples.WithNoiseAsync(clean, noise) : clean;
        var pcm = SpeechSamples.NewPath("pcm");
        var decoded = await new FfmpegAudioDecoder(new ExternalProcessRunner(), Options.Create(new MediaOptions())).DecodeToPcmAsync(wav, pcm, TimeSpan.FromHours(1));
        using var recognizer = new PocketSphinxRecognizer(Options.Create(new OfflineSpeechOptions
        {
            PoolSize = 1,
            MaxUtterance = TimeSpan.FromSeconds(maxUtteranceSeconds),
            WholeUtterances = wholeUtterances,
        }));

        // Loading: the first call on an idle pool loads a decoder (the audio here is 0.1 s of silence).
        var load = Stopwatch.StartNew();
        await recognizer.RecognizeAsync(new MemoryStream(new byte[3200]));
        load.Stop();

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var result = await recognizer.RecognizeAsync(pcm);
        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        var audio = decoded.Value.Duration.TotalSeconds;
        var reference = string.Join(' ', SpeechSamples.Sentences).Split(' ');
        var hypothesis = result.Value.Words.Select(w => w.Text).ToArray();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{strategy}{(noise > 0 ? $" + noise {noise}" : string.Empty)}: audio {audio:0.0} s, decoder load {load.ElapsedMilliseconds} ms, recognition {wall.Elapsed.TotalSeconds:0.00} s wall / {cpu.TotalSeconds:0.00} s CPU, " +
            $"RTF {wall.Elapsed.TotalSeconds / audio:0.000} wall / {cpu.TotalSeconds / audio:0.000} CPU, WER {100.0 * EditDistance(reference, hypothesis) / reference.Length:0.0} % " +
            $"({reference.Length} words), peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MiB, {Environment.ProcessorCount} CPUs");
        await TestContext.Out.WriteLineAsync(line);
        await TestContext.Out.WriteLineAsync("  " + result.Value.Text);

        Assert.That(result.Value.Words, Has.Count.GreaterThan(100));
    }

    /// <summary>Word-level Levenshtein distance: substitutions + insertions + deletions.</summary>
    private static int EditDistance(string[] reference, string[] hypothesis)
    {
        var previous = Enumerable.Range(0, hypothesis.Length + 1).ToArray();
        for (var i = 1; i <= reference.Length; i++)
        {
            var current = new int[hypothesis.Length + 1];
            current[0] = i;
            for (var j = 1; j <= hypothesis.Length; j++)
            {
                var substitution = previous[j - 1] + (reference[i - 1] == hypothesis[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[hypothesis.Length];
    }
}
