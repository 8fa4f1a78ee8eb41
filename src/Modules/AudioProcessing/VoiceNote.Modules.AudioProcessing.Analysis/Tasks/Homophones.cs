using System.Collections.Frozen;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Tasks;

/// <summary>
/// Recognisers swap words that sound alike; where a clause opens or an intent phrase continues, the
/// meaning is clear enough to read the intended word (docs/decisions/0074): "by the printer ink" opening
/// a clause is "buy", "remind me too" is "to", "cull the surgery" is "call".
/// </summary>
internal static class Homophones
{
    /// <summary>Words before "to" in an intent phrase: "remind me too …", "i need two …".</summary>
    private static readonly FrozenSet<string> BeforeTo = new[] { "me", "us", "need", "needs", "have", "got", "want", "forget", "remember", "going", "sure", "has", "ought" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SoundsLikeCall = new[] { "cull", "coal", "col", "cal", "caul" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ObjectStarts = new[] { "the", "a", "an", "my", "our", "your", "his", "her", "their", "some", "new", "more", "it", "them" }
        .ToFrozenSet(StringComparer.Ordinal);

    public static void Correct(ClauseWords w)
    {
        var opening = 0;
        while (opening < w.Count && w.Is(opening, TaskLexicon.Fillers))
        {
            opening++;
        }

        for (var p = 0; p < w.Count; p++)
        {
            if (w[p] is "too" or "two" && w.Is(p - 1, BeforeTo) && (w.Is(p + 1, TaskLexicon.ActionVerbs) || w.Is(p + 1, SoundsLikeCall)))
            {
                w.Hear(p, "to");
            }
        }

        for (var p = 0; p < w.Count; p++)
        {
            var opens = p == opening || w.Is(p - 1, "to");
            if (opens && w[p] is "by" or "bye" && w.Is(p + 1, ObjectStarts))
            {
                w.Hear(p, "buy");
            }
            else if (opens && w.Is(p, SoundsLikeCall) && (w.Is(p + 1, ObjectStarts) || AssigneeFinder.TryReadName(w, p + 1, strict: true, out _, out _)))
            {
                w.Hear(p, "call");
            }
        }
    }
}
