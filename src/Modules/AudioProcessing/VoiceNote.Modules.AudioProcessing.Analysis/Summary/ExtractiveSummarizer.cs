using System.Collections.Frozen;
using System.Globalization;
using VoiceNote.Modules.AudioProcessing.Analysis.Text;
using VoiceNote.Modules.AudioProcessing.Analysis.Time;
using VoiceNote.Text;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Summary;

/// <summary>
/// An extractive summary without any model: units (sentences or clause-sized pieces) are scored by
/// the frequency of their content words, boosted for the owner's jargon and role vocabulary, for
/// the opening and for units that hold a task; the best 1–3 that fit the length budget are returned
/// in their original order. A text that already fits is its own summary. See docs/decisions/0032.
/// </summary>
internal sealed class ExtractiveSummarizer
{
    public const int DefaultMaxCharacters = 300;
    public const int DefaultMaxUnits = 3;

    private static readonly FrozenSet<string> LeadingFillers = new[]
    {
        "um", "umm", "uh", "er", "erm", "so", "okay", "ok", "and", "well", "oh", "also", "then", "like", "alright", "right", "hmm", "but",
    }.ToFrozenSet(StringComparer.Ordinal);

    public string Summarize(string text, SummaryRequest? request = null) =>
        Summarize(TokenizedText.Of(text), request ?? new SummaryRequest());

    public string Summarize(TokenizedText text, SummaryRequest request)
    {
        var units = SummaryUnits.Split(text, request.PausesBefore);
        if (units.Count == 0)
        {
            return string.Empty;
        }

        var cleaned = units.Select(u => Clean(text, u)).ToList();
        var budget = Math.Max(20, request.MaxCharacters);
        var maxUnits = Math.Clamp(request.MaxUnits, 1, 10);
        var whole = string.Join(" ", cleaned.Where(c => c.Length > 0));
        if (units.Count <= maxUnits && whole.Length <= budget)
        {
            return whole;
        }

        var scores = Score(text, units, request);
        var chosen = new List<int>();
        var length = 0;
        foreach (var index in Enumerable.Range(0, units.Count).OrderByDescending(i => scores[i]).ThenBy(i => i))
        {
            var added = cleaned[index].Length + (chosen.Count > 0 ? 1 : 0);
            if (cleaned[index].Length == 0 || length + added > budget)
            {
                continue;
            }

            chosen.Add(index);
            length += added;
            if (chosen.Count == maxUnits)
            {
                break;
            }
        }

        if (chosen.Count == 0)
        {
            var best = Enumerable.Range(0, units.Count).Where(i => cleaned[i].Length > 0).MaxBy(i => scores[i]);
            return Truncate(cleaned[best], budget);
        }

        return string.Join(" ", chosen.Order().Select(i => cleaned[i]));
    }

    private static double[] Score(TokenizedText text, IReadOnlyList<SummaryUnit> units, SummaryRequest request)
    {
        var stopWords = request.English ? StopWords.Conversational : FrozenSet<string>.Empty;
        // Jargon may be phrases ("pull request"): each of their content words counts as jargon.
        var jargonWords = request.Jargon
            .SelectMany(j => TokenizedText.Of(j).Tokens)
            .Where(t => t.IsWord && !stopWords.Contains(t.Text))
            .Select(t => Stemmer.Stem(t.Text))
            .ToHashSet(StringComparer.Ordinal);
        var roleWords = RoleVocabulary.For(request.Role);

        var terms = units.Select(u => Terms(text, u, stopWords)).ToList();
        var frequency = terms.SelectMany(t => t).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (double)g.Count(), StringComparer.Ordinal);

        var scores = new double[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            var unitTerms = terms[i];
            var words = Enumerable.Range(units[i].First, units[i].Last - units[i].First + 1).Count(t => !text[t].IsPunctuation);
            var weight = unitTerms.Sum(term => frequency[term] * (1 + (jargonWords.Contains(term) ? 2 : 0) + (roleWords.Contains(term) ? 1 : 0)));
            var score = weight / Math.Sqrt(words + 1);
            score *= i == 0 ? 1.2 : 1;
            score *= words < 4 ? 0.5 : 1;
            if (request.Highlights.Any(h => h.Start < text[units[i].Last].End && h.End > text[units[i].First].Start))
            {
                score *= 1.3;
            }

            scores[i] = score;
        }

        return scores;
    }

    private static List<string> Terms(TokenizedText text, SummaryUnit unit, IReadOnlySet<string> stopWords)
    {
        var terms = new List<string>();
        for (var i = unit.First; i <= unit.Last; i++)
        {
            var token = text[i];
            if (token.IsWord && token.Text.Length >= 2 && !stopWords.Contains(token.Text))
            {
                terms.Add(Stemmer.Stem(token.Text));
            }
        }

        return terms;
    }

    /// <summary>A unit as summary text: leading fillers dropped, first letter upper case, closing punctuation.</summary>
    private static string Clean(TokenizedText text, SummaryUnit unit)
    {
        var first = unit.First;
        while (first <= unit.Last && (text[first].IsPunctuation || text[first].IsOneOf(LeadingFillers)))
        {
            first++;
        }

        var last = unit.Last;
        while (last >= first && text[last].IsPunctuation && text[last].Text is "," or ":" or "-" or "—" or "–")
        {
            last--;
        }

        if (first > last)
        {
            return string.Empty;
        }

        var sentence = string.Join(' ', text.Surface(first, last).Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        sentence = char.ToUpper(sentence[0], CultureInfo.InvariantCulture) + sentence[1..];
        return sentence[^1] is '.' or '!' or '?' or '…' ? sentence : sentence + ".";
    }

    private static string Truncate(string sentence, int budget)
    {
        if (sentence.Length <= budget)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', budget - 1);
        return sentence[..(cut > budget / 2 ? cut : budget - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }
}

/// <summary>What steers a summary: the owner's jargon and role, the language, the budget, and spans to favour (tasks).</summary>
internal sealed record SummaryRequest
{
    public IReadOnlyCollection<string> Jargon { get; init; } = [];

    public string? Role { get; init; }

    public bool English { get; init; } = true;

    public int MaxCharacters { get; init; } = ExtractiveSummarizer.DefaultMaxCharacters;

    public int MaxUnits { get; init; } = ExtractiveSummarizer.DefaultMaxUnits;

    public IReadOnlyList<TextSpan> Highlights { get; init; } = [];

    public IReadOnlySet<int>? PausesBefore { get; init; }
}
