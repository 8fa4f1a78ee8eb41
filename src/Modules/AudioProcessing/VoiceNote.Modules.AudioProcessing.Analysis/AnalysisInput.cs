namespace VoiceNote.Modules.AudioProcessing.Analysis;

/// <summary>
/// One note's text to analyse, whatever made it: a recording's transcript (with the recogniser's timed
/// words) or text the owner typed (without). Everything else the analysis needs is the owner's
/// context and the moment the note was made, from which "tomorrow at five" is counted.
/// </summary>
internal sealed record AnalysisInput
{
    /// <summary>The note's text; for a transcript without text, the timed words stand in for it.</summary>
    public required string Text { get; init; }

    /// <summary>The recogniser's words with timings, when there was speech; key moments need them.</summary>
    public IReadOnlyList<TimedWord>? Words { get; init; }

    /// <summary>When the note was recorded or written (not uploaded): relative times count from here.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>BCP 47 language of the text ("en", "en-GB", "de"); the local rules understand English.</summary>
    public string? Language { get; init; } = "en";

    public OwnerContext Owner { get; init; } = OwnerContext.Default;

    public int SummaryMaxCharacters { get; init; } = Summary.ExtractiveSummarizer.DefaultMaxCharacters;

    /// <summary>What is analysed: <see cref="Text"/>, or the timed words themselves when a recogniser gave no text.</summary>
    public string AnalysedText => string.IsNullOrWhiteSpace(Text) && Words is { Count: > 0 }
        ? string.Join(" ", Moments.WordTimeline.Clean(Words).Select(w => w.Text))
        : Text ?? string.Empty;

    /// <summary>A recording's transcript: its words carry the timings key moments are placed by.</summary>
    public static AnalysisInput OfTranscript(string transcript, IReadOnlyList<TimedWord>? words, DateTimeOffset recordedAt, string? language, OwnerContext owner) =>
        new() { Text = transcript, Words = words, CreatedAt = recordedAt, Language = language, Owner = owner };

    /// <summary>A typed note: no timings, so no key moments; everything else as for speech.</summary>
    public static AnalysisInput OfTypedText(string text, DateTimeOffset writtenAt, string? language, OwnerContext owner) =>
        new() { Text = text, CreatedAt = writtenAt, Language = language, Owner = owner };
}
