namespace VoiceNote.Modules.AudioProcessing.Application.Analysis.Text;

/// <summary>
/// A deliberately light suffix stripper so "meetings", "meeting" and "meet" count as one term when
/// scoring sentences. It only needs to be consistent, not linguistically right.
/// </summary>
internal static class Stemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3)
        {
            return word;
        }

        if (word.EndsWith("'s", StringComparison.Ordinal))
        {
            word = word[..^2];
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
        {
            return Undouble(word[..^3]);
        }

        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4)
        {
            return Undouble(word[..^2]);
        }

        if (word.EndsWith("es", StringComparison.Ordinal) && word.Length > 4 && word[^3] is 's' or 'x' or 'z' or 'h')
        {
            return word[..^2];
        }

        return word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && word.Length > 3 ? word[..^1] : word;
    }

    private static string Undouble(string stem) =>
        stem.Length > 2 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') ? stem[..^1] : stem;
}
