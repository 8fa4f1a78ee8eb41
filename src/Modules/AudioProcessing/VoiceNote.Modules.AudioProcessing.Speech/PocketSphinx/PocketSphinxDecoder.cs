using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace VoiceNote.Modules.AudioProcessing.Speech.PocketSphinx;

/// <summary>
/// One loaded PocketSphinx decoder: model, dictionary and language model in memory, ready for utterance
/// after utterance. Not thread-safe (the native decoder is not): one caller at a time, which
/// <see cref="ObjectPool{T}"/> guarantees.
/// </summary>
internal sealed unsafe class PocketSphinxDecoder : IDisposable
{
    private readonly DecoderHandle _decoder;
    private readonly nint _logMath;

    private PocketSphinxDecoder(DecoderHandle decoder)
    {
        _decoder = decoder;
        _logMath = PocketSphinxNative.ps_get_logmath(decoder);
    }

    /// <summary>Loads a decoder (a few hundred milliseconds: the model is read from disk).</summary>
    public static PocketSphinxDecoder Load(OfflineSpeechOptions options)
    {
        var model = options.ModelDirectory;
        string[] required = [Path.Combine(model, "en-us"), Path.Combine(model, "en-us.lm.bin"), Path.Combine(model, "cmudict-en-us.dict")];
        var missing = required.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The PocketSphinx model is incomplete (missing {string.Join(", ", missing)}); install pocketsphinx-en-us (build/setup.sh) or set {OfflineSpeechOptions.Section}:ModelDirectory.");
        }

        string[] arguments =
        [
            "-hmm", required[0],
            "-lm", required[1],
            "-dict", required[2],
            // The library logs every step to stderr otherwise; failures surface as NULL handles instead.
            "-logfn", "/dev/null",
            // Its voice-activity filter drops silent frames, which shifts every later word's time by the
            // pauses before it (ADR 0036). Utterances are cut at pauses by PauseFinder instead.
            "-remove_silence", "no",
            .. options.ExtraArguments,
        ];

        using var config = Parse(arguments);
        var decoder = PocketSphinxNative.ps_init(config);
        if (decoder.IsInvalid)
        {
            decoder.Dispose();
            throw new InvalidOperationException($"PocketSphinx could not load the model from {model}.");
        }

        // ps_init retained the configuration: disposing ours here leaves the decoder's reference.
        return new PocketSphinxDecoder(decoder);
    }

    /// <summary>
    /// Starts an utterance whose word frames count from its first sample. Streamed (not whole) utterances
    /// count frames from the start of the stream, so every utterance starts a stream of its own too.
    /// </summary>
    public void StartUtterance()
    {
        Check(PocketSphinxNative.ps_start_stream(_decoder), "ps_start_stream");
        Check(PocketSphinxNative.ps_start_utt(_decoder), "ps_start_utt");
    }

    /// <summary>Feeds samples; <paramref name="wholeUtterance"/> says they are the entire utterance (enables batch normalisation).</summary>
    public void Feed(ReadOnlySpan<short> samples, bool wholeUtterance)
    {
        if (samples.IsEmpty)
        {
            return;
        }

        fixed (short* data = samples)
        {
            Check(PocketSphinxNative.ps_process_raw(_decoder, data, (nuint)samples.Length, 0, wholeUtterance ? 1 : 0), "ps_process_raw");
        }
    }

    public void EndUtterance() => Check(PocketSphinxNative.ps_end_utt(_decoder), "ps_end_utt");

    /// <summary>The finished utterance's words (fillers and silences left out), timed from <paramref name="offsetSeconds"/>.</summary>
    public List<RecognizedWord> Words(double offsetSeconds)
    {
        var words = new List<RecognizedWord>();
        using var segment = PocketSphinxNative.ps_seg_iter(_decoder);
        if (segment.IsInvalid)
        {
            return words;
        }

        do
        {
            var text = Marshal.PtrToStringUTF8(PocketSphinxNative.ps_seg_word(segment));
            if (!IsWord(text))
            {
                continue;
            }

            PocketSphinxNative.ps_seg_frames(segment, out var startFrame, out var endFrame);
            var logProbability = PocketSphinxNative.ps_seg_prob(segment, out _, out _, out _);
            var confidence = Math.Clamp(PocketSphinxNative.logmath_exp(_logMath, logProbability), 0, 1);
            words.Add(new RecognizedWord(
                BaseForm(text),
                Math.Round(offsetSeconds + ((double)startFrame / PocketSphinxNative.FramesPerSecond), 3),
                Math.Round(offsetSeconds + ((double)(endFrame + 1) / PocketSphinxNative.FramesPerSecond), 3),
                Math.Round(confidence, 4)));
        }
        while (segment.MoveNext());

        return words;
    }

    public void Dispose() => _decoder.Dispose();

    /// <summary>Sentence markers (&lt;s&gt;, &lt;/s&gt;, &lt;sil&gt;) and fillers ([NOISE], ++GARBAGE++) are not words.</summary>
    private static bool IsWord([NotNullWhen(true)] string? text) =>
        !string.IsNullOrEmpty(text) && text[0] is not ('<' or '[') && !text.StartsWith("++", StringComparison.Ordinal);

    /// <summary>"and(2)" is the dictionary's second pronunciation of "and".</summary>
    private static string BaseForm(string word)
    {
        var paren = word.IndexOf('(', StringComparison.Ordinal);
        return paren > 0 && word.EndsWith(')') ? word[..paren] : word;
    }

    private static ConfigHandle Parse(string[] arguments)
    {
        // Marshalled by hand: UTF-8 C strings (a path may hold any character) in one pointer array.
        var pointers = new nint[arguments.Length];
        try
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                pointers[i] = Marshal.StringToCoTaskMemUTF8(arguments[i]);
            }

            fixed (nint* argv = pointers)
            {
                var config = PocketSphinxNative.cmd_ln_parse_r(0, PocketSphinxNative.ps_args(), arguments.Length, argv, 1);
                if (config.IsInvalid)
                {
                    config.Dispose();
                    throw new InvalidOperationException($"PocketSphinx refused its arguments: {string.Join(' ', arguments)}");
                }

                return config;
            }
        }
        finally
        {
            foreach (var pointer in pointers)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    private static void Check(int status, string function)
    {
        if (status < 0)
        {
            throw new InvalidOperationException($"PocketSphinx {function} failed ({status}).");
        }
    }
}
