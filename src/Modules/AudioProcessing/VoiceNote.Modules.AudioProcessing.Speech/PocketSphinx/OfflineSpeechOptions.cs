namespace VoiceNote.Modules.AudioProcessing.Speech.PocketSphinx;

/// <summary>The offline PocketSphinx engine (configuration section <c>Speech:Local</c>).</summary>
internal sealed class OfflineSpeechOptions
{
    public const string Section = "Speech:Local";

    /// <summary>Debian's pocketsphinx-en-us model: <c>en-us/</c>, <c>en-us.lm.bin</c>, <c>cmudict-en-us.dict</c>.</summary>
    public string ModelDirectory { get; set; } = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>How many decoders may work at once (each holds its own copy of the search); 0 means one per processor.</summary>
    public int PoolSize { get; set; }

    /// <summary>Longest audio accepted in one call (the declared limit; memory does not grow with it, see ADR 0036).</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// Audio is decoded in utterances of at most this length, cut in the longest pause of each window's
    /// second half (docs/decisions/0036: better than one long utterance, and bounded memory).
    /// </summary>
    public TimeSpan MaxUtterance { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Feed each utterance whole (<c>full_utt</c>, batch cepstral mean normalisation) rather than in
    /// streaming blocks (live normalisation from a prior); see ADR 0036 for the measurement.
    /// </summary>
    public bool WholeUtterances { get; set; } = true;

    /// <summary>Block size when streaming samples into the decoder.</summary>
    public int BlockSamples { get; set; } = 4096;

    /// <summary>Extra decoder arguments (pairs such as <c>-beam</c>, <c>1e-60</c>) for tuning without a rebuild.</summary>
    public IList<string> ExtraArguments { get; } = [];

    public int EffectivePoolSize => PoolSize > 0 ? PoolSize : Environment.ProcessorCount;
}
