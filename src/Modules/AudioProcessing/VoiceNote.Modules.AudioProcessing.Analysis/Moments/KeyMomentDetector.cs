using VoiceNote.Modules.AudioProcessing.Analysis.Text;
using VoiceNote.Modules.AudioProcessing.Analysis.Time;
using VoiceNote.Text;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Moments;

/// <summary>
/// Key moments from word timings: where each task was said (with its deadline), where a deadline was
/// mentioned outside a task, and where a new topic starts after a long silence. At most
/// <see cref="MaxMoments"/>, the most confident kept, in time order. See docs/decisions/0033.
/// </summary>
internal sealed class KeyMomentDetector
{
    public const double TopicPauseSeconds = 2.0;
    public const int MaxMoments = 12;
    private const int TopicWords = 6;

    public IReadOnlyList<KeyMoment> Detect(TokenizedText text, WordTimeline timeline, IReadOnlyList<ExtractedTask> tasks, IReadOnlyList<TimeExpression> deadlines)
    {
        if (timeline.IsEmpty)
        {
            return [];
        }

        var moments = new List<KeyMoment>();
        moments.AddRange(Topics(text, timeline));

        foreach (var task in tasks)
        {
            var first = text.TokenAtOrAfter(task.SourceStart);
            var last = LastTokenBefore(text, task.SourceStart + task.SourceLength);
            if (timeline.StartOf(first) is not double at)
            {
                continue;
            }

            var description = task.DeadlineText is null ? $"Task: {task.Description}" : $"Task: {task.Description} ({task.DeadlineText})";
            moments.Add(new KeyMoment(TimeSpan.FromSeconds(Math.Floor(at)), description, Math.Round(task.Confidence * timeline.ConfidenceOver(first, last), 2)));
        }

        // A deadline inside a task's words, or one a task already carries (said again later), is not news.
        foreach (var deadline in deadlines.Where(d => !d.IsPast && !tasks.Any(t => (d.Start >= t.SourceStart && d.Start < t.SourceStart + t.SourceLength) || t.Deadline == d.Instant)))
        {
            var first = text.TokenAtOrAfter(deadline.Start);
            var last = LastTokenBefore(text, deadline.End);
            if (timeline.StartOf(first) is double at)
            {
                moments.Add(new KeyMoment(TimeSpan.FromSeconds(Math.Floor(at)), $"Deadline mentioned: {deadline.Text}", Math.Round(deadline.Confidence * timeline.ConfidenceOver(first, last), 2)));
            }
        }

        return moments
            .OrderByDescending(m => m.Confidence)
            .Take(MaxMoments)
            .OrderBy(m => m.At)
            .ThenBy(m => m.Description, StringComparer.Ordinal)
            .DistinctBy(m => (m.Timestamp, m.Description))
            .ToList();
    }

    /// <summary>Each stretch of speech after a silence of <see cref="TopicPauseSeconds"/> or more is a topic; the opening is one too when there are others.</summary>
    private static IEnumerable<KeyMoment> Topics(TokenizedText text, WordTimeline timeline)
    {
        var pauses = timeline.PausesBefore(TopicPauseSeconds);
        if (pauses.Count == 0)
        {
            yield break;
        }

        var starts = new List<(int Token, double Gap)> { (timeline.FirstAlignedToken, 3.0) };
        starts.AddRange(pauses.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key));
        for (var s = 0; s < starts.Count; s++)
        {
            var (token, gap) = starts[s];
            var end = s + 1 < starts.Count ? starts[s + 1].Token : text.Count;
            var words = Enumerable.Range(token, Math.Max(0, end - token))
                .Where(i => !text[i].IsPunctuation && !text[i].IsOneOf(StopWords.Conversational))
                .Take(TopicWords + 1)
                .ToList();
            if (words.Count == 0 || timeline.StartOf(token) is not double at)
            {
                continue;
            }

            var shown = string.Join(" ", words.Take(TopicWords).Select(i => text.Surface(i)));
            var description = s == 0 ? $"Opening: {shown}" : $"New topic: {shown}";
            if (words.Count > TopicWords)
            {
                description += "…";
            }

            var confidence = Math.Min(0.9, 0.5 + (gap / 10)) * timeline.ConfidenceOver(token, words[^1]);
            yield return new KeyMoment(TimeSpan.FromSeconds(Math.Floor(at)), description, Math.Round(confidence, 2));
        }
    }

    private static int LastTokenBefore(TokenizedText text, int charOffset)
    {
        var last = 0;
        for (var i = 0; i < text.Count && text[i].Start < charOffset; i++)
        {
            last = i;
        }

        return last;
    }
}
