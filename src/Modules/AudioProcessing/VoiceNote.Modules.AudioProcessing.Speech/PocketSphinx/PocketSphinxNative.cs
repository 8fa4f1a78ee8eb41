using System.Runtime.InteropServices;

namespace VoiceNote.Modules.AudioProcessing.Speech.PocketSphinx;

/// <summary>
/// The C API of Debian's PocketSphinx 0.8+5prealpha (the old API: <c>ps_args</c> + <c>cmd_ln_parse_r</c>;
/// there is no <c>ps_config_init</c>). Only what the recogniser uses. Handles are wrapped in
/// <see cref="SafeHandle"/>s (<see cref="ConfigHandle"/>, <see cref="DecoderHandle"/>, <see cref="SegmentIterator"/>) so native memory is always freed.
/// </summary>
internal static unsafe partial class PocketSphinxNative
{
    public const string PocketSphinxLibrary = "libpocketsphinx.so.3";
    public const string SphinxBaseLibrary = "libsphinxbase.so.3";

    /// <summary>10 ms frames (<c>-frate 100</c>, the model's default).</summary>
    public const int FramesPerSecond = 100;

    /// <summary>The decoder's argument definitions (static data, never freed).</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial nint ps_args();

    /// <summary>Parses argv into a new configuration (NULL on a bad argument). argv: UTF-8 C strings.</summary>
    [LibraryImport(SphinxBaseLibrary)]
    public static partial ConfigHandle cmd_ln_parse_r(nint inoutConfig, nint definitions, int argc, nint* argv, int strict);

    [LibraryImport(SphinxBaseLibrary)]
    public static partial int cmd_ln_free_r(nint config);

    /// <summary>Loads the acoustic model, dictionary and language model (NULL on failure); retains the config.</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial DecoderHandle ps_init(ConfigHandle config);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_free(nint decoder);

    /// <summary>Starts a new stream: resets the frame counter, so word frames count from the next utterance's start.</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_start_stream(DecoderHandle decoder);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_start_utt(DecoderHandle decoder);

    /// <summary>Feeds samples; returns the number of frames searched, or &lt; 0 on error.</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_process_raw(DecoderHandle decoder, short* data, nuint sampleCount, int noSearch, int fullUtterance);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_end_utt(DecoderHandle decoder);

    /// <summary>The decoder's log-math table (owned by the decoder).</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial nint ps_get_logmath(DecoderHandle decoder);

    [LibraryImport(SphinxBaseLibrary)]
    public static partial double logmath_exp(nint logmath, int logValue);

    /// <summary>An iterator over the best hypothesis' words (NULL when there is none).</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial SegmentIterator ps_seg_iter(DecoderHandle decoder);

    /// <summary>The next word, or NULL at the end, in which case the iterator has been freed.</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial nint ps_seg_next(nint segment);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial nint ps_seg_word(SegmentIterator segment);

    /// <summary>Inclusive first and last frame of the word.</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial void ps_seg_frames(SegmentIterator segment, out int startFrame, out int endFrame);

    /// <summary>Log posterior probability of the word (convert with <see cref="logmath_exp"/>).</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_seg_prob(SegmentIterator segment, out int acousticScore, out int languageScore, out int languageBackoff);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial void ps_seg_free(nint segment);
}
