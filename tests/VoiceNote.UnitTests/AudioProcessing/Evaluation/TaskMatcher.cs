using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace VoiceNote.UnitTests.AudioProcessing.Evaluation;

/// <summary>
/// Pairs predicted tasks with expected ones, one to one. The score of a pair is the F1 of their
/// content words (lower case, without function words, a plural "s" dropped); pairs scoring at least
/// <see cref="Threshold"/> are taken greedily, best first, ties in reading order. The word list below is
/// English grammar, not the evaluation's vocabulary.
/// </summary>
internal static partial class TaskMatcher
{
    public const double Threshold = 0.5;

    private static readonly FrozenSet<string> FunctionWords = new[]
    {
        "a", "an", "the", "to", "of", "for", "with", "on", "in", "at", "by", "from", "about", "and", "or", "but", "my",
        "our", "your", "his", "her", "their", "its", "me", "us", "him", "them", "it", "this", "that", "these", "those",
        "i", "we", "you", "he", "she", "they", "is", "are", "be", "up", "some", "any", "so", "then", "also", "just",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlyList<(int Predicted, int Expected)> Match(IReadOnlyList<string> predicted, IReadOnlyList<string> expected)
    {
        var p = predicted.Select(ContentWords).ToList();
        var e = expected.Select(ContentWords).ToList();
        var pairs = new List<(int Predicted, int Expected, double Score)>();
        for (var i = 0; i < p.Count; i++)
        {
            for (var j = 0; j < e.Count; j++)
            {
                var score = F1(p[i], e[j]);
                if (score >= Threshold)
                {
                    pairs.Add((i, j, score));
                }
            }
        }

        var usedP = new HashSet<int>();
        var usedE = new HashSet<int>();
        var matches = new List<(int, int)>();
        foreach (var (i, j, _) in pairs.OrderByDescending(x => x.Score).ThenBy(x => x.Expected).ThenBy(x => x.Predicted))
        {
            if (!usedP.Contains(i) && !usedE.Contains(j))
            {
                usedP.Add(i);
                usedE.Add(j);
                matches.Add((i, j));
            }
        }

        return matches;
    }

    public static IReadOnlyList<string> ContentWords(string text) =>
        Words().Matches(text.ToLowerInvariant())
            .Select(m => m.Value.Trim('\''))
            .Where(w => w.Length > 0 && !FunctionWords.Contains(w))
            .Select(w => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w)
            .ToList();

    public static double F1(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var rest = b.ToList();
        var common = 0;
        foreach (var word in a)
        {
            if (rest.Remove(word))
            {
                common++;
            }
        }

        if (common == 0)
        {
            return 0;
        }

        var precision = (double)common / a.Count;
        var recall = (double)common / b.Count;
        return 2 * precision * recall / (precision + recall);
    }

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Words();
}
