namespace VoiceNote.Modules.AudioProcessing.Analysis.Time;

/// <summary>A range of characters in the analysed text.</summary>
internal readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public bool Contains(int offset) => offset >= Start && offset < End;
}

/// <summary>
/// A deadline found in text, resolved to an instant. <see cref="Spans"/> are the words it came from
/// (two spans when a date and a clock time were said apart: "tomorrow … at five"). <see cref="IsPast"/>
/// marks instants before the recording; <see cref="NamesPast"/> marks words that point back in time
/// on purpose ("yesterday", "last Monday", "two days ago"), which make a clause narration.
/// </summary>
internal sealed record TimeExpression(
    DateTimeOffset Instant,
    DateTime Local,
    string Text,
    IReadOnlyList<TextSpan> Spans,
    double Confidence,
    bool HasExplicitTime,
    bool IsPast,
    bool NamesPast = false)
{
    public int Start => Spans[0].Start;

    public int End => Spans[^1].End;

    public bool Covers(int offset) => Spans.Any(s => s.Contains(offset));
}
