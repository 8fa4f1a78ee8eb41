using System.Collections.Frozen;
using VoiceNote.Modules.AudioProcessing.Analysis.Text;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Summary;

/// <summary>
/// Cuts a text into units to choose from: sentences where there is punctuation or a long pause;
/// recognisers give neither, so long runs are cut again at discourse markers ("and then", "so",
/// "but", "also", "okay") and, failing those, every 25 words.
/// </summary>
internal static class SummaryUnits
{
    private const int LongUnit = 35;
    private const int ChunkWords = 25;
    private const int ShortestPiece = 6;

    private static readonly FrozenSet<string> SentenceEnds = new[] { ".", "!", "?", ";", "…", "..." }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> Markers = new[] { "so", "but", "also", "okay", "ok", "anyway", "then", "and", "alright" }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> Abbreviations = new[] { "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "vs", "etc", "e", "g", "i" }.ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlyList<SummaryUnit> Split(TokenizedText text, IReadOnlySet<int>? pausesBefore = null)
    {
        var sentences = new List<(int First, int Last)>();
        var start = -1;
        for (var i = 0; i < text.Count; i++)
        {
            if (pausesBefore?.Contains(i) == true && start >= 0)
            {
                sentences.Add((start, i - 1));
                start = -1;
            }

            var token = text[i];
            if (token.IsPunctuation && SentenceEnds.Contains(token.Text) && !(token.Text == "." && i > 0 && text[i - 1].IsOneOf(Abbreviations) && text.Tokens[i - 1].End == token.Start))
            {
                if (start >= 0)
                {
                    sentences.Add((start, i));
                    start = -1;
                }

                continue;
            }

            if (start < 0 && !token.IsPunctuation)
            {
                start = i;
            }
        }

        if (start >= 0)
        {
            sentences.Add((start, text.Count - 1));
        }

        var units = new List<SummaryUnit>();
        foreach (var (first, last) in sentences)
        {
            foreach (var (pieceFirst, pieceLast) in Pieces(text, first, last))
            {
                units.Add(new SummaryUnit(pieceFirst, pieceLast, units.Count));
            }
        }

        return units;
    }

    private static IEnumerable<(int First, int Last)> Pieces(TokenizedText text, int first, int last)
    {
        if (WordCount(text, first, last) <= LongUnit)
        {
            yield return (first, last);
            yield break;
        }

        var start = first;
        for (var i = first + 1; i <= last; i++)
        {
            var atMarker = text[i].IsOneOf(Markers) && WordCount(text, start, i - 1) >= ShortestPiece && WordCount(text, i, last) >= ShortestPiece;
            var tooLong = WordCount(text, start, i - 1) >= ChunkWords;
            if (atMarker || tooLong)
            {
                yield return (start, i - 1);
                start = i;
            }
        }

        yield return (start, last);
    }

    private static int WordCount(TokenizedText text, int first, int last)
    {
        var count = 0;
        for (var i = first; i <= last; i++)
        {
            count += text[i].IsPunctuation ? 0 : 1;
        }

        return count;
    }
}
