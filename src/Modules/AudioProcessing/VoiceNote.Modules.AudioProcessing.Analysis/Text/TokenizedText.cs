namespace VoiceNote.Modules.AudioProcessing.Analysis.Text;

/// <summary>A source text and its tokens; the analysis works on token indices and cuts surface text back out.</summary>
internal sealed class TokenizedText
{
    public TokenizedText(string source, IReadOnlyList<Token> tokens)
    {
        Source = source;
        Tokens = tokens;
    }

    public string Source { get; }

    public IReadOnlyList<Token> Tokens { get; }

    public int Count => Tokens.Count;

    public Token this[int index] => Tokens[index];

    public static TokenizedText Of(string? source) => Tokenizer.Tokenize(source ?? string.Empty);

    /// <summary>The original characters of one token.</summary>
    public string Surface(int index) => Source[Tokens[index].Start..Tokens[index].End];

    /// <summary>The original characters from the first token's start to the last token's end (inclusive indices).</summary>
    public string Surface(int first, int last) =>
        first > last ? string.Empty : Source[Tokens[first].Start..Tokens[last].End];

    /// <summary>Index of the first token that starts at or after a character offset (Count when none).</summary>
    public int TokenAtOrAfter(int charOffset)
    {
        for (var i = 0; i < Count; i++)
        {
            if (Tokens[i].Start >= charOffset)
            {
                return i;
            }
        }

        return Count;
    }
}
