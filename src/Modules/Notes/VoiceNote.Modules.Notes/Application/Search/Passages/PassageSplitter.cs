using VoiceNote.Modules.AudioProcessing.Contracts;

namespace VoiceNote.Modules.Notes.Application.Search.Passages;

/// <summary>A passage as cut: its place, its text, and when it was said (ms) if the transcript has word timings.</summary>
internal sealed record PassageText(int Ordinal, string Text, int? StartMs, int? EndMs);

/// <summary>
/// Cuts a note into overlapping passages (docs/decisions/0072): a short note is one passage; a longer one
/// is its title and summary, then windows of <see cref="WindowWords"/> transcript words that overlap by
/// <see cref="OverlapWords"/>, so a sentence on a window's edge is whole in one of them. When the
/// recording's timed words are the transcript's words (same count), each window carries the start of its
/// first word and the end of its last.
/// </summary>
internal static class PassageSplitter
{
    public const int WindowWords = 80;
    public const int OverlapWords = 20;

    /// <summary>A 3-hour recording is ~450 windows; beyond this a note is indexed by its beginning.</summary>
    public const int MaxPassages = 500;

    public static IReadOnlyList<PassageText> Split(string? title, string? summary, string? transcript, IReadOnlyList<TimedTranscript> timings)
    {
        var head = string.Join("\n", new[] { title, summary }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var words = Words(transcript);
        var passages = new List<PassageText>();
        if (Words(head).Length + words.Length <= WindowWords)
        {
            var whole = string.Join("\n", new[] { head, string.Join(' ', words) }.Where(s => s.Length > 0));
            var timed = words.Length > 0 ? TimingsFor(words, timings) : null;
            return whole.Length == 0 ? [] : [new PassageText(0, whole, timed?[0].StartMs, timed?[^1].EndMs)];
        }

        if (head.Length > 0)
        {
            passages.Add(new PassageText(0, head, null, null));
        }

        var times = TimingsFor(words, timings);
        const int step = WindowWords - OverlapWords;
        for (var start = 0; start < words.Length && passages.Count < MaxPassages; start += step)
        {
            var end = Math.Min(start + WindowWords, words.Length);
            passages.Add(new PassageText(passages.Count, string.Join(' ', words[start..end]), times?[start].StartMs, times?[end - 1].EndMs));
            if (end == words.Length)
            {
                break;
            }
        }

        return passages;
    }

    /// <summary>What the model reads for a passage: the note's title gives every window its context.</summary>
    public static string ModelInput(string? title, PassageText passage) =>
        string.IsNullOrWhiteSpace(title) || passage.Text.StartsWith(title, StringComparison.Ordinal) ? passage.Text : $"{title}\n{passage.Text}";

    private static string[] Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The timed words that are this transcript's words one for one, or null (an edited transcript has no timings).</summary>
    private static IReadOnlyList<TimedTranscriptWord>? TimingsFor(string[] words, IReadOnlyList<TimedTranscript> timings) =>
        timings.FirstOrDefault(t => t.Words.Count == words.Length && Words(t.Text).Length == words.Length)?.Words
        ?? timings.FirstOrDefault(t => t.Words.Count == words.Length)?.Words;
}
