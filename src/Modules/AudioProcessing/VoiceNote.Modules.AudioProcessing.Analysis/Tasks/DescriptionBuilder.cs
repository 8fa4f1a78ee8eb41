using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Tasks;

/// <summary>
/// Writes a task's description from the words of its action: without the intent phrase, the deadline,
/// priority cues and filler sounds; names capitalised ("Dr. Smith"); first letter upper case. The
/// transcript's own spelling and punctuation between kept words are preserved.
/// </summary>
internal static class DescriptionBuilder
{
    private static readonly FrozenSet<string> TrailingJunk = new[]
    {
        "and", "then", "so", "or", "but", "also", "too", "ok", "okay", "please", "the", "a", "an", "to", "at", "on", "by",
        "for", "in", "of", "with", "before", "until", "till", "it's", "its", "is", "that", "which", "because", "like",
        "um", "uh", "right", "yeah", "alright", "thanks", "as", "well", "latest", "sharp", "due", "around", "about", "from",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static string Build(ClauseWords w, int from, IReadOnlySet<int> skip, IReadOnlyList<NamedPerson> people, string? prefix)
    {
        var end = NarrationAt(w, from) ?? w.Count;
        var kept = Enumerable.Range(from, Math.Max(0, end - from))
            .Where(p => !skip.Contains(p) && !w.Is(p, TaskLexicon.Disfluencies))
            .ToList();
        while (kept.Count > 0 && w.Is(kept[^1], TrailingJunk))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        var text = new StringBuilder();
        if (prefix is not null)
        {
            text.Append(prefix).Append(' ');
        }

        var previousToken = -1;
        for (var k = 0; k < kept.Count; k++)
        {
            var position = kept[k];
            var tokenIndex = w.Indices[position];
            if (previousToken >= 0)
            {
                text.Append(Separator(w, previousToken, tokenIndex));
            }

            var person = people.FirstOrDefault(p => p.First == position);
            if (person is not null)
            {
                text.Append(person.Entity.Name);
                while (k + 1 < kept.Count && kept[k + 1] <= person.Last)
                {
                    k++;
                }

                previousToken = w.Indices[kept[k]];
                continue;
            }

            text.Append(w[position] == w.Text[tokenIndex].Text ? Word(w, tokenIndex) : w.Surface(position));
            previousToken = tokenIndex;
        }

        var result = string.Join(' ', text.ToString().Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd(',', ';', ':', '-', ' ');
        return result.Length == 0 ? result : char.ToUpper(result[0], CultureInfo.InvariantCulture) + result[1..];
    }

    /// <summary>
    /// Where the action's words give way to talk about it: "pay the bill | or they'll charge interest",
    /// "buy dog food | we're almost out", "move the boxes | before they start". A new subject starts the
    /// talk, unless it is the content of a message ("text Maria I'm late") or a question ("ask if we can …").
    /// </summary>
    private static int? NarrationAt(ClauseWords w, int from)
    {
        var telling = w.Is(from, TaskLexicon.PersonVerbs) && w[from] is "tell" or "ask" or "text" or "email" or "message" or "remind" or "inform" or "warn" or "ping" or "let";
        for (var p = from + 2; p < w.Count; p++)
        {
            if (w.Is(p, Reasons))
            {
                return p;
            }

            var complement = w.Is(p - 1, Complementisers);
            var subject = w.Is(p, SubjectContractions) || (w[p] is "i" or "we" or "they" or "he" or "she" && w.Is(p + 1, NarrationVerbs));
            if (subject && !complement && !telling)
            {
                return w[p - 1] is "or" or "while" or "when" or "before" or "after" or "until" or "once" or "as" ? p - 1 : p;
            }
        }

        return null;
    }

    private static readonly FrozenSet<string> Reasons = new[] { "because", "cause", "'cause", "cos", "coz", "since", "although", "though", "otherwise" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Complementisers = new[] { "that", "if", "whether", "what", "how", "why", "where", "who", "which", "so", "and", "to" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SubjectContractions = new[]
    {
        "i've", "i'm", "i'd", "i'll", "we're", "we've", "we'll", "we'd", "they're", "they've", "they'll", "they'd", "he's", "she's", "he'll",
        "she'll", "it's", "it'll", "that's", "there's",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NarrationVerbs = new[]
    {
        "think", "have", "had", "was", "were", "am", "are", "will", "would", "can", "could", "already", "just", "need", "want", "said",
        "did", "don't", "didn't", "mean", "guess", "keep", "must", "should", "cannot", "can't", "really", "always", "never", "still",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words in a description: the count that decides whether it says enough to be a task.</summary>
    public static int WordCount(string description) => description.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The source between two kept tokens when only punctuation lies between them ("milk, eggs"), else a space.</summary>
    private static string Separator(ClauseWords w, int previous, int current)
    {
        for (var t = previous + 1; t < current; t++)
        {
            if (!w.Text[t].IsPunctuation || w.Text[t].Text is "." or "?" or "!")
            {
                return " ";
            }
        }

        return w.Text.Source[w.Text[previous].End..w.Text[current].Start];
    }

    private static string Word(ClauseWords w, int tokenIndex) => w.Text[tokenIndex].Text switch
    {
        "i" => "I",
        "i'm" => "I'm",
        "i'll" => "I'll",
        "i've" => "I've",
        "i'd" => "I'd",
        _ => w.Text.Surface(tokenIndex),
    };
}
