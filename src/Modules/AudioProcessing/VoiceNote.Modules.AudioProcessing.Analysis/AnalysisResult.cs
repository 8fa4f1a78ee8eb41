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
    /// <summary>A short title for the note when the engine proposes one (the first task's action, or the summary's key phrase).</summary>
    public string? Title { get; init; }

    /// <summary>The note's priority as the analysis reads it: that of its most urgent task; none without tasks.</summary>
    public TaskPriority? Priority { get; init; }
}
