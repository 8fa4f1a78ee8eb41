namespace VoiceNote.Modules.AudioProcessing.Analysis;

internal enum SentimentLabel
{
    Negative,
    Neutral,
    Positive,
}

/// <summary>The overall tone of a note: a label and a score from -1 (negative) to 1 (positive).</summary>
internal sealed record SentimentResult(SentimentLabel Label, double Score)
{
    public static SentimentResult Neutral { get; } = new(SentimentLabel.Neutral, 0);
}
