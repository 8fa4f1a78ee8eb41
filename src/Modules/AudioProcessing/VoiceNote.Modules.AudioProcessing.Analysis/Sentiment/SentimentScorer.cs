using VoiceNote.Modules.AudioProcessing.Analysis.Text;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Sentiment;

/// <summary>
/// Lexicon-based sentiment: sums word valences, flipped (and damped) after a negator within three
/// words, scaled by intensifiers, with what follows "but" weighing more than what precedes it (within
/// eight words); the sum
/// is squashed to -1..1 (x / √(x² + 15), as VADER does). Scores from -0.05 to 0.05 are neutral.
/// See docs/decisions/0034.
/// </summary>
internal sealed class SentimentScorer
{
    public const double NeutralBand = 0.05;
    private const int NegationReach = 3;
    private const double NegationFactor = -0.75;
    private const double Alpha = 15;
    private const int ContrastReach = 8;

    public SentimentResult Score(string text) => Score(TokenizedText.Of(text));

    public SentimentResult Score(TokenizedText text)
    {
        var total = 0.0;
        var sentenceStart = 0;
        var contributions = new List<(int Index, double Value)>();
        for (var i = 0; i < text.Count; i++)
        {
            var token = text[i];
            if (token.IsPunctuation && token.Text is "." or "!" or "?" or ";")
            {
                total += Sentence(contributions, text, sentenceStart, i);
                contributions.Clear();
                sentenceStart = i + 1;
                continue;
            }

            if (!token.IsWord || !SentimentLexicon.Valence.TryGetValue(token.Text, out var valence))
            {
                continue;
            }

            // "like" is mostly a filler in speech; only "i like", "we like" … count.
            if (token.Text == "like" && !(i > 0 && text[i - 1].Text is "i" or "we" or "they" or "you" or "really" or "would"))
            {
                continue;
            }

            if (i > 0 && SentimentLexicon.Intensity.TryGetValue(text[i - 1].Text, out var scale))
            {
                valence *= scale;
            }

            if (IsNegated(text, i))
            {
                valence *= NegationFactor;
            }

            contributions.Add((i, valence));
        }

        total += Sentence(contributions, text, sentenceStart, text.Count);
        var score = total / Math.Sqrt((total * total) + Alpha);
        var label = score >= NeutralBand ? SentimentLabel.Positive : score <= -NeutralBand ? SentimentLabel.Negative : SentimentLabel.Neutral;
        return new SentimentResult(label, Math.Round(score, 3));
    }

    /// <summary>
    /// "The demo was good but the server crashed": within <see cref="ContrastReach"/> words of a
    /// "but", what follows counts 1.5× and what precedes 0.5×. The reach is limited because speech
    /// transcripts have no full stops to end a sentence.
    /// </summary>
    private static double Sentence(List<(int Index, double Value)> contributions, TokenizedText text, int start, int end)
    {
        var contrasts = Enumerable.Range(start, end - start).Where(i => text[i].Text is "but" or "however" or "although" or "though").ToList();
        return contributions.Sum(c =>
        {
            var after = contrasts.Any(b => c.Index > b && c.Index - b <= ContrastReach);
            var before = contrasts.Any(b => c.Index < b && b - c.Index <= ContrastReach);
            return after ? c.Value * 1.5 : before ? c.Value * 0.5 : c.Value;
        });
    }

    private static bool IsNegated(TokenizedText text, int index)
    {
        for (var back = 1; back <= NegationReach && index - back >= 0; back++)
        {
            var previous = text[index - back];
            if (previous.IsPunctuation)
            {
                return false;
            }

            if (previous.IsOneOf(SentimentLexicon.Negators))
            {
                return true;
            }
        }

        return false;
    }
}
