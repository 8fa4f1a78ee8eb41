using VoiceNote.Modules.AudioProcessing.Analysis.Text;
using VoiceNote.Modules.AudioProcessing.Analysis.Time;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Tasks;

/// <summary>
/// Finds tasks in a transcript: splits it into clauses, keeps those that open with an imperative or
/// an intent phrase, and gives each a cleaned description, a deadline from the time-expression
/// parser, a priority, a communication type and the people involved. See docs/decisions/0031.
/// </summary>
internal sealed class TaskExtractor
{
    /// <summary>An event is read from a noun and a time, not from an order: less sure than an imperative.</summary>
    private const double EventConfidence = 0.7;

    private readonly TimeExpressionParser _parser = new();

    public IReadOnlyList<ExtractedTask> Extract(string transcript, DateTimeOffset recordedAt, string? timeZoneId, WorkSchedule? schedule = null) =>
        Extract(TokenizedText.Of(transcript), new TimeContext(recordedAt, ZoneClock.Resolve(timeZoneId), schedule));

    /// <param name="pausesBefore">Token indices preceded by a long pause in the recording; each ends a sentence.</param>
    public IReadOnlyList<ExtractedTask> Extract(TokenizedText text, TimeContext context, IReadOnlySet<int>? pausesBefore = null)
    {
        var found = new List<Found>();
        var cueOnly = new List<(Clause Clause, TaskPriority Priority)>();
        foreach (var clause in ClauseSplitter.Split(text, pausesBefore))
        {
            // Words about the past ("the email from last monday") are no deadline; they stay in the description.
            var time = _parser.Find(text, clause.First, clause.End, context) is { NamesPast: false } ahead ? ahead : null;
            var words = new ClauseWords(text, Enumerable.Range(clause.First, clause.End - clause.First)
                .Where(i => !text[i].IsPunctuation && (time is null || !time.Covers(text[i].Start)))
                .ToList());
            Homophones.Correct(words);
            var (priority, cues) = PriorityCues.Read(words);
            var trigger = TriggerMatcher.Match(words, clause.IsQuestion, cues);
            if (trigger is null && time is not null && !time.IsPast && !clause.IsQuestion && EventReader.Read(words) is { } occasion)
            {
                // "the meeting with the design team moved to thursday at three thirty": an event, due when it starts.
                var start = text[clause.First].Start;
                var at = new ExtractedTask(occasion, time.Instant, time.Text, priority ?? TaskPriority.Medium, null, [], EventConfidence, start, text[clause.End - 1].End - start)
                {
                    Kind = TaskKind.Event,
                };
                found.Add(new Found(clause, at, priority is not null));
                continue;
            }

            if (trigger is null)
            {
                if (priority is TaskPriority cue)
                {
                    cueOnly.Add((clause, cue));
                }

                continue;
            }

            var people = AssigneeFinder.Find(words, trigger);
            var channel = ChannelDetector.Detect(words, trigger.ActionStart);
            // "ask John to send the slides": John's task is to send them (docs/decisions/0074).
            var handedTo = people.Where(p => p.Entity.Role == PersonRole.Assignee && p.First > trigger.ActionStart).ToList();
            var from = handedTo.Count > 0 && AssigneeFinder.HandedOver(words, trigger.ActionStart, handedTo.Max(p => p.Last) + 1) is int action ? action : trigger.ActionStart;
            var description = DescriptionBuilder.Build(words, from, cues, people, trigger.Kind == TriggerKind.RememberThing ? "Remember" : null);
            if (DescriptionBuilder.WordCount(description) < 2)
            {
                continue;
            }

            var task = new ExtractedTask(
                description,
                time?.Instant,
                time?.Text,
                priority ?? (trigger.Important ? TaskPriority.High : TaskPriority.Medium),
                channel,
                people.Select(p => p.Entity with { Channel = channel }).ToList(),
                trigger.Confidence,
                text[clause.First].Start,
                text[clause.End - 1].End - text[clause.First].Start);
            found.Add(new Found(clause, task, priority is not null));
        }

        LendCuesToNeighbours(found, cueOnly);
        return found.Select(f => f.Task).DistinctBy(t => t.Description.ToUpperInvariant()).ToList();
    }

    /// <summary>"Call the bank, it's urgent": a clause that is only a priority cue sets the task beside it in the same sentence.</summary>
    private static void LendCuesToNeighbours(List<Found> found, List<(Clause Clause, TaskPriority Priority)> cueOnly)
    {
        foreach (var (clause, priority) in cueOnly)
        {
            var target = found.LastOrDefault(f => f.Clause.Sentence == clause.Sentence && f.Clause.First < clause.First && !f.ExplicitPriority)
                ?? found.FirstOrDefault(f => f.Clause.Sentence == clause.Sentence && f.Clause.First > clause.First && !f.ExplicitPriority);
            if (target is not null)
            {
                found[found.IndexOf(target)] = target with { Task = target.Task with { Priority = priority }, ExplicitPriority = true };
            }
        }
    }

    private sealed record Found(Clause Clause, ExtractedTask Task, bool ExplicitPriority);
}
