using System.Collections.Frozen;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Summary;

/// <summary>
/// A note's title from its analysis: the first task's action ("Call the bank"), or without tasks the
/// opening of the summary's first sentence; at most <see cref="MaxCharacters"/>, ended at a word and
/// never on a filler or a function word (docs/decisions/0074).
/// </summary>
internal static class NoteTitle
{
    public const int MaxCharacters = 60;

    private static readonly FrozenSet<string> Dangling = new[]
    {
        "and", "or", "but", "so", "then", "also", "the", "a", "an", "to", "of", "for", "with", "on", "at", "in", "by",
        "from", "about", "into", "my", "our", "your", "his", "her", "their", "its", "this", "that", "i", "we", "you",
        "is", "are", "was", "be", "um", "uh", "er", "erm", "like", "okay", "ok", "well", "just", "because", "which",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Openers = new[]
    {
        "so", "okay", "ok", "um", "uh", "er", "erm", "well", "and", "alright", "right", "yeah", "hey", "oh", "like",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static string? Of(IReadOnlyList<ExtractedTask> tasks, string summary)
    {
        var source = tasks.Count > 0 ? tasks.MinBy(t => t.SourceStart)!.Description : FirstSentence(summary);
        return Phrase(source);
    }

    /// <summary>The words of <paramref name="text"/> that fit, without leading fillers or a dangling last word.</summary>
    public static string? Phrase(string text)
    {
        var words = text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0 && Openers.Contains(Bare(words[0])))
        {
            words.RemoveAt(0);
        }

        var kept = new List<string>();
        var length = 0;
        foreach (var word in words)
        {
            var added = length == 0 ? word.Length : length + 1 + word.Length;
            if (added > MaxCharacters)
            {
                break;
            }

            kept.Add(word);
            length = added;
        }

        // A phrase cut short ends before its last clause mark, if that leaves enough ("Buy milk, eggs" not "Buy milk, eggs and").
        while (kept.Count > 1 && (Dangling.Contains(Bare(kept[^1])) || Bare(kept[^1]).Length == 0))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        var title = string.Join(' ', kept).TrimEnd(',', ';', ':', '-', '–', '—', '.', ' ');
        if (title.Length == 0)
        {
            return null;
        }

        return char.ToUpperInvariant(title[0]) + title[1..];
    }

    private static string FirstSentence(string summary)
    {
        var text = summary.Trim();
        var end = text.IndexOfAny(['.', '!', '?']);
        return end > 0 ? text[..end] : text;
    }

    private static string Bare(string word) => word.Trim(',', ';', ':', '.', '!', '?', '"', '\'', '-', '–', '—');
}
