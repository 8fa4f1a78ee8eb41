namespace VoiceNote.Modules.AudioProcessing.Application.Analysis.Time;

/// <summary>A range of characters in the analysed text.</summary>
internal readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public bool Contains(int offset) => offset >= Start && offset < End;
}

/// <summary>
/// A deadline found in text, resolved to an instant. <see cref="Spans"/> are the words it came from
/// (two spans when a date and a clock time were said apart: "tomorrow … at five"). <see cref="IsPast"/>
/// marks expressions that name a moment before the recording ("yesterday", "last Monday").
/// </summary>
internal sealed record TimeExpression(
    DateTimeOffset Instant,
    DateTime Local,
    string Text,
    IReadOnlyList<TextSpan> Spans,
    double Confidence,
    bool HasExplicitTime,
    bool IsPast)
{
    public int Start => Spans[0].Start;

    public int End => Spans[^1].End;

    public bool Covers(int offset) => Spans.Any(s => s.Contains(offset));
}
