using VoiceNote.Modules.AudioProcessing.Analysis.Text;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Tasks;

/// <summary>
/// The words of one clause without punctuation and without its time expression, addressed by
/// position; each position maps back to a token index in the transcript.
/// </summary>
internal sealed class ClauseWords
{
    public ClauseWords(TokenizedText text, IReadOnlyList<int> indices)
    {
        Text = text;
        Indices = indices;
    }

    public TokenizedText Text { get; }

    public IReadOnlyList<int> Indices { get; }

    public int Count => Indices.Count;

    private readonly Dictionary<int, string> _heardAs = [];

    /// <summary>The word at a position, as corrected when the recogniser likely misheard it (<see cref="Hear"/>).</summary>
    public string? this[int position] => position >= 0 && position < Indices.Count
        ? _heardAs.TryGetValue(position, out var meant) ? meant : Text[Indices[position]].Text
        : null;

    /// <summary>Reads the word at a position as <paramref name="meant"/> ("by the milk" meant "buy the milk").</summary>
    public void Hear(int position, string meant) => _heardAs[position] = meant;

    /// <summary>The word as written in the source, or its correction.</summary>
    public string Surface(int position) => _heardAs.TryGetValue(position, out var meant) ? meant : Text.Surface(Indices[position]);

    public Token Token(int position) => Text[Indices[position]];

    public bool Is(int position, string word) => this[position] == word;

    public bool Is(int position, IReadOnlySet<string> words) => this[position] is { } word && words.Contains(word);


    public bool Seq(int position, params string[] words)
    {
        for (var k = 0; k < words.Length; k++)
        {
            if (this[position + k] != words[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the word was written with a capital in the source (typed notes, punctuating engines).</summary>
    public bool IsCapitalised(int position) =>
        position < Count && Token(position).IsWord && char.IsUpper(Text.Source[Token(position).Start]);
}
