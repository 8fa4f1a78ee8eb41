using System.Text.RegularExpressions;
using VoiceNote.Modules.AudioProcessing.Analysis.Text;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Moments;

/// <summary>
/// Lines the recogniser's timed words up with the transcript's tokens, so a task found in the text
/// gets the second it was said. The transcript may differ a little from the words (punctuation,
/// an edited word): words are matched in order with a short look-ahead and the rest borrow the time
/// of their nearest aligned neighbour. Recogniser markers ("&lt;sil&gt;", "[NOISE]", "word(2)") are ignored.
/// </summary>
internal sealed partial class WordTimeline
{
    private const int LookAhead = 6;
    private readonly TimedWord?[] _byToken;
    private readonly IReadOnlyList<(TimedWord Word, int Token)> _aligned;

    private WordTimeline(TimedWord?[] byToken, IReadOnlyList<(TimedWord Word, int Token)> aligned)
    {
        _byToken = byToken;
        _aligned = aligned;
    }

    public bool IsEmpty => _aligned.Count == 0;

    public static WordTimeline Align(TokenizedText text, IReadOnlyList<TimedWord>? words)
    {
        var byToken = new TimedWord?[text.Count];
        var aligned = new List<(TimedWord, int)>();
        var cursor = 0;
        foreach (var word in Clean(words))
        {
            var parts = Tokenizer.Tokenize(word.Text).Tokens.Where(t => !t.IsPunctuation).Select(t => t.Text).ToList();
            if (parts.Count == 0)
            {
                continue;
            }

            var at = Find(text, cursor, parts[0]);
            if (at < 0)
            {
                continue;
            }

            aligned.Add((word, at));
            byToken[at] = word;
            cursor = at + 1;
            for (var k = 1; k < parts.Count; k++)
            {
                var next = Find(text, cursor, parts[k]);
                if (next < 0 || next > cursor + 1)
                {
                    break;
                }

                byToken[next] = word;
                cursor = next + 1;
            }
        }

        return new WordTimeline(byToken, aligned);
    }

    /// <summary>The words as given, without recogniser markers, in time order.</summary>
    public static IReadOnlyList<TimedWord> Clean(IReadOnlyList<TimedWord>? words) =>
        (words ?? [])
            .Where(w => !string.IsNullOrWhiteSpace(w.Text) && !Marker().IsMatch(w.Text.Trim()))
            .Select(w => w with { Text = Alternative().Replace(w.Text.Trim(), string.Empty) })
            .OrderBy(w => w.Start)
            .ToList();

    /// <summary>When the token was said (seconds), borrowing from the nearest aligned token when it was not matched.</summary>
    public double? StartOf(int token)
    {
        if (_aligned.Count == 0)
        {
            return null;
        }

        for (var i = Math.Min(token, _byToken.Length - 1); i >= 0; i--)
        {
            if (_byToken[i] is { } before)
            {
                return before.Start;
            }
        }

        for (var i = Math.Max(0, token); i < _byToken.Length; i++)
        {
            if (_byToken[i] is { } after)
            {
                return after.Start;
            }
        }

        return null;
    }

    /// <summary>Mean recogniser confidence over tokens [first, last]; 1 when none of them was aligned.</summary>
    public double ConfidenceOver(int first, int last)
    {
        var values = Enumerable.Range(first, Math.Max(0, last - first + 1))
            .Where(i => i >= 0 && i < _byToken.Length && _byToken[i] is not null)
            .Select(i => _byToken[i]!)
            .Distinct()
            .Select(w => Math.Clamp(w.Confidence, 0, 1))
            .ToList();
        return values.Count == 0 ? 1 : values.Average();
    }

    /// <summary>Tokens that follow a silence of at least <paramref name="seconds"/>, with the length of that silence.</summary>
    public IReadOnlyDictionary<int, double> PausesBefore(double seconds)
    {
        var pauses = new Dictionary<int, double>();
        for (var k = 1; k < _aligned.Count; k++)
        {
            var gap = _aligned[k].Word.Start - _aligned[k - 1].Word.End;
            if (gap >= seconds)
            {
                pauses[_aligned[k].Token] = gap;
            }
        }

        return pauses;
    }

    /// <summary>
    /// The silence that ends a sentence for this speaker: four times their median gap between words,
    /// within [<see cref="ShortestSentencePause"/>, <see cref="LongestSentencePause"/>] seconds. A fast talker's
    /// half-second breath is a boundary; a slow one's second is not. Too few words to judge: one second.
    /// </summary>
    public double SentencePauseSeconds()
    {
        var gaps = Enumerable.Range(1, Math.Max(0, _aligned.Count - 1))
            .Select(k => Math.Max(0, _aligned[k].Word.Start - _aligned[k - 1].Word.End))
            .Order()
            .ToList();
        if (gaps.Count < MinimumGapsToJudge)
        {
            return 1.0;
        }

        var median = gaps.Count % 2 == 1 ? gaps[gaps.Count / 2] : (gaps[(gaps.Count / 2) - 1] + gaps[gaps.Count / 2]) / 2;
        return Math.Clamp(4 * median, ShortestSentencePause, LongestSentencePause);
    }

    public const double ShortestSentencePause = 0.45;

    public const double LongestSentencePause = 2.0;

    private const int MinimumGapsToJudge = 8;

    public int FirstAlignedToken => _aligned.Count == 0 ? -1 : _aligned[0].Token;

    private static int Find(TokenizedText text, int from, string part)
    {
        var checkedWords = 0;
        for (var i = from; i < text.Count && checkedWords <= LookAhead; i++)
        {
            if (text[i].IsPunctuation)
            {
                continue;
            }

            if (text[i].Text == part)
            {
                return i;
            }

            checkedWords++;
        }

        return -1;
    }

    [GeneratedRegex(@"^(<.*>|\[.*\]|\+\+.*\+\+|\(.*\))$", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\(\d+\)$", RegexOptions.CultureInvariant)]
    private static partial Regex Alternative();
}
