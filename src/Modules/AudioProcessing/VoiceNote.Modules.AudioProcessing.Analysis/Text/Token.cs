namespace VoiceNote.Modules.AudioProcessing.Analysis.Text;

internal enum TokenKind
{
    Word,
    Number,
    Ordinal,
    Clock,
    IsoDate,
    Punctuation,
}

/// <summary>
/// One token of a transcript: its normalised text (lower case, straight apostrophes, "a.m." → "am")
/// and where it sits in the source, so callers can cut the original words back out.
/// </summary>
internal readonly record struct Token(string Text, int Start, int End, TokenKind Kind)
{
    public bool IsWord => Kind == TokenKind.Word;

    public bool IsPunctuation => Kind == TokenKind.Punctuation;

    public bool Is(string word) => Kind == TokenKind.Word && string.Equals(Text, word, StringComparison.Ordinal);

    public bool IsOneOf(IReadOnlySet<string> words) => Kind == TokenKind.Word && words.Contains(Text);
}
