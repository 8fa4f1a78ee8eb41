namespace VoiceNote.Modules.AudioProcessing.Analysis;

/// <summary>The outcome of the "analyse" stage, saved before the note is published.</summary>
internal sealed record AnalysisResult(
    string Summary,
    IReadOnlyList<ExtractedTask> Tasks,
    IReadOnlyList<KeyMoment> KeyMoments,
    SentimentResult Sentiment,
    string Engine,
    string Language)
{
    /// <summary>A short title for the note when the engine proposes one (language models do; the local rules do not).</summary>
    public string? Title { get; init; }
}
