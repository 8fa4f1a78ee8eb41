namespace VoiceNote.Text;

/// <summary>
/// The solution's one English stemmer (docs/decisions/0051): a light suffix stripper (a few Porter
/// steps) so word forms meet — "appointments" and "appointment" at "appoint", "scheduled" and
/// "schedule" at "schedul", "meetings" at "meet". It only needs to be consistent, not linguistically
/// right. The local embedding hashes its stems, so a change here changes every vector: that needs a
/// new embedding model name (docs/decisions/0024).
/// </summary>
public static class Stemmer
{
    private static readonly string[] Suffixes = ["ations", "ation", "ments", "ment", "ingly", "ing", "edly", "ed", "ly"];

    /// <param name="word">A lower-case word; a possessive "'s" is dropped, anything else but letters is kept as it is.</param>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 3 && word.EndsWith("'s", StringComparison.Ordinal))
        {
            word = word[..^2];
        }

        if (word.Length <= 3 || !word.All(char.IsLetter))
        {
            return word;
        }

        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        foreach (var suffix in Suffixes)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= 3 && HasVowel(w[..^suffix.Length]))
            {
                w = w[..^suffix.Length];
                if (suffix is "ing" or "ed" && w.Length > 3 && w[^1] == w[^2] && !"lsz".Contains(w[^1], StringComparison.Ordinal))
                {
                    w = w[..^1];
                }

                break;
            }
        }

        if (w.Length > 4 && w.EndsWith('e'))
        {
            w = w[..^1];
        }

        return w;
    }

    private static bool HasVowel(string s) => s.Any(c => "aeiouy".Contains(c, StringComparison.Ordinal));
}
