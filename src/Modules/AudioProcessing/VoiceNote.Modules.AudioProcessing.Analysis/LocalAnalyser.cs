using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Analysis.Moments;
using VoiceNote.Modules.AudioProcessing.Analysis.Sentiment;
using VoiceNote.Modules.AudioProcessing.Analysis.Summary;
using VoiceNote.Modules.AudioProcessing.Analysis.Tasks;
using VoiceNote.Modules.AudioProcessing.Analysis.Text;
using VoiceNote.Modules.AudioProcessing.Analysis.Time;

namespace VoiceNote.Modules.AudioProcessing.Analysis;

/// <summary>
/// The offline analysis: rules and word lists, no network, no keys, deterministic. Tasks, deadlines
/// and sentiment need English; other languages still get a summary and pause-based key moments. Text
/// without timed words (a typed note) gets everything but key moments.
/// </summary>
internal sealed class LocalAnalyser : ITextAnalyser
{
    public const string EngineName = "local-rules-1";

    private readonly TimeExpressionParser _parser = new();
    private readonly TaskExtractor _extractor = new();
    private readonly ExtractiveSummarizer _summarizer = new();
    private readonly KeyMomentDetector _moments = new();
    private readonly SentimentScorer _sentiment = new();

    public string Engine => EngineName;

    public Task<Result<AnalysisResult>> AnalyseAsync(AnalysisInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<Result<AnalysisResult>>(Analyse(input));
    }

    public AnalysisResult Analyse(AnalysisInput input)
    {
        var text = TokenizedText.Of(input.AnalysedText);
        var timeline = WordTimeline.Align(text, input.Words);
        // A sentence ends at a silence long for this speaker (docs/decisions/0074), not at a fixed second.
        var pauses = timeline.PausesBefore(timeline.SentencePauseSeconds()).Keys.ToHashSet();
        var english = IsEnglish(input.Language);
        var owner = input.Owner;
        var context = new TimeContext(input.CreatedAt, ZoneClock.Resolve(owner.TimeZone), new WorkSchedule(owner.WorkStartHour, owner.WorkEndHour, owner.WorkDays));

        var tasks = english ? WeighByRecognition(_extractor.Extract(text, context, pauses), text, timeline) : [];
        var deadlines = english ? _parser.FindAll(text, 0, text.Count, context) : [];
        var summary = _summarizer.Summarize(text, new SummaryRequest
        {
            Jargon = owner.Jargon,
            Role = owner.Role,
            English = english,
            MaxCharacters = input.SummaryMaxCharacters,
            Highlights = tasks.Select(t => new TextSpan(t.SourceStart, t.SourceLength)).ToList(),
            PausesBefore = pauses,
        });
        var keyMoments = _moments.Detect(text, timeline, tasks, deadlines);
        var mood = english ? _sentiment.Score(text) : SentimentResult.Neutral;
        return new AnalysisResult(summary, tasks, keyMoments, mood, EngineName, english ? "en" : input.Language!.Trim())
        {
            Title = NoteTitle.Of(tasks, summary),
            // A note with nothing to do is LOW; one the rules cannot read (not English) keeps its priority.
            Priority = tasks.Count > 0 ? tasks.Min(t => t.Priority) : english ? TaskPriority.Low : null,
        };
    }

    /// <summary>
    /// A task heard through low-confidence words is less certain: its confidence is scaled by
    /// 0.5 + 0.5 × the recogniser's mean confidence over the task's words (unchanged without timings).
    /// </summary>
    private static IReadOnlyList<ExtractedTask> WeighByRecognition(IReadOnlyList<ExtractedTask> tasks, TokenizedText text, WordTimeline timeline)
    {
        if (timeline.IsEmpty)
        {
            return tasks;
        }

        return tasks.Select(task =>
        {
            var first = text.TokenAtOrAfter(task.SourceStart);
            var last = Math.Max(first, text.TokenAtOrAfter(task.SourceStart + task.SourceLength) - 1);
            var heard = timeline.ConfidenceOver(first, last);
            return task with { Confidence = Math.Round(task.Confidence * (0.5 + (0.5 * heard)), 2) };
        }).ToList();
    }

    private static bool IsEnglish(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return true;
        }

        var tag = language.Trim();
        return tag.Equals("en", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("en-", StringComparison.OrdinalIgnoreCase)
            || tag.StartsWith("en_", StringComparison.OrdinalIgnoreCase) || tag.Equals("english", StringComparison.OrdinalIgnoreCase);
    }
}
