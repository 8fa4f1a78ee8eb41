using System.Globalization;
using VoiceNote.Modules.Exports.Application.Documents;

namespace VoiceNote.Modules.Exports.Application.Formats.Subtitles;

/// <summary>One subtitle: when it shows, its one or two lines, and how many of the transcript's words it carries.</summary>
internal sealed record SubtitleCue(int StartMs, int EndMs, IReadOnlyList<string> Lines, int Words);

/// <summary>
/// Cuts timed words into subtitles for SubRip and WebVTT alike, by the usual broadcast rules: at most two lines of
/// 42 characters, on screen at most 6 s and, where the next words leave room, at least 1 s. A cue ends at a pause,
/// at a sentence's end once it has been up a second, or when the next word would break a limit; a word is never
/// split (one longer than a line stands alone). Times are the words' own; cues are kept in order and never overlap,
/// even when an engine's timings do.
/// </summary>
internal static class SubtitleCues
{
    private const int MaxLineLength = 42;
    private const int MaxDurationMs = 6_000;
    private const int MinDurationMs = 1_000;

    /// <summary>Silence this long between words is a pause: the next words start a new cue.</summary>
    private const int PauseMs = 600;

    public static IEnumerable<SubtitleCue> From(IReadOnlyList<TimedWord> words)
    {
        var cue = new List<Word>();
        var previousEnd = 0;
        foreach (var timed in words)
        {
            var text = Readable.OneLine(timed.Text);
            if (text.Length == 0)
            {
                continue;
            }

            var word = new Word(text, new StringInfo(text).LengthInTextElements, timed.StartMs, timed.EndMs);
            if (cue.Count > 0 && EndsBefore(cue, word))
            {
                var closed = Close(cue, previousEnd, word.StartMs);
                previousEnd = closed.EndMs;
                yield return closed;
                cue.Clear();
            }

            cue.Add(word);
        }

        if (cue.Count > 0)
        {
            yield return Close(cue, previousEnd, int.MaxValue);
        }
    }

    private static bool EndsBefore(List<Word> cue, Word next)
    {
        var last = cue[^1];
        var shown = last.EndMs - cue[0].StartMs;
        return next.StartMs - last.EndMs >= PauseMs
            || (EndsSentence(last.Text) && shown >= MinDurationMs)
            || next.EndMs - cue[0].StartMs > MaxDurationMs
            || Split([.. cue, next]) is null;
    }

    private static SubtitleCue Close(List<Word> cue, int previousEnd, int nextStart)
    {
        var start = Math.Max(cue[0].StartMs, previousEnd);
        var end = Math.Min(Math.Max(cue[^1].EndMs, start + 1), start + MaxDurationMs);
        if (end - start < MinDurationMs)
        {
            // Too short to read: stay up into the silence after it, never into the next cue.
            end = Math.Max(end, Math.Min(start + MinDurationMs, nextStart));
        }

        return new SubtitleCue(start, end, Split(cue) ?? [string.Join(' ', cue.Select(w => w.Text))], cue.Count);
    }

    /// <summary>The words on one line, or on two as even as they go; null when they do not fit in two.</summary>
    private static string[]? Split(IReadOnlyList<Word> words)
    {
        var total = words.Sum(w => w.Length) + words.Count - 1;
        if (total <= MaxLineLength)
        {
            return [string.Join(' ', words.Select(w => w.Text))];
        }

        var best = -1;
        var bestLonger = int.MaxValue;
        var first = -1;
        for (var i = 0; i < words.Count - 1; i++)
        {
            first += words[i].Length + 1; // the first line is words 0..i
            var second = total - first - 1;
            var longer = Math.Max(first, second);
            if (first <= MaxLineLength && second <= MaxLineLength && longer < bestLonger)
            {
                best = i;
                bestLonger = longer;
            }
        }

        return best < 0
            ? null
            : [string.Join(' ', words.Take(best + 1).Select(w => w.Text)), string.Join(' ', words.Skip(best + 1).Select(w => w.Text))];
    }

    private static bool EndsSentence(string word) => word[^1] is '.' or '?' or '!' or '。' or '？' or '！' or '।' or '…';

    private sealed record Word(string Text, int Length, int StartMs, int EndMs);
}
