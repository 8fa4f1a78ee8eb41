using System.Collections.Frozen;

namespace VoiceNote.Text;

/// <summary>
/// The solution's one list of English stop words (docs/decisions/0051), in two widths. Both forms of a
/// contraction are listed: the analysis keeps "don't" whole, the embedding's words split it ("don", "t").
/// </summary>
public static class StopWords
{
    /// <summary>
    /// Function words (and "remember", "remind", which every reminder opens with): they say nothing about
    /// any text's topic. The local embedding drops exactly these, so a change here changes every vector
    /// and needs a new embedding model name (docs/decisions/0024).
    /// </summary>
    public static readonly FrozenSet<string> Function = Words("""
        a about after again all also am an and any are as at be been before being but by can could did do does doing don
        done for from get got had has have having he her here him his how i if in into is it its just let me more most
        my need needs no not now of off on once only or other our out over please remember remind s should so some such
        t than that the their them then there these they this those to too up us very was we were what when where which
        while who why will with would you your yours
        """);

    /// <summary>
    /// <see cref="Function"/> plus what notes, spoken ones above all, are full of without it saying what
    /// they are about: fillers ("um", "yeah"), hedges ("maybe", "probably"), vague verbs ("know", "went")
    /// and relative days ("tomorrow"). The analysis leaves these out when it weighs a sentence or names a topic.
    /// </summary>
    public static readonly FrozenSet<string> Conversational = Function.Union(Words("""
        above against almost although always another anybody anyone anything anyway aren't around back became because
        below between both can't cannot couldn't didn't doesn't don't down during each either else enough etc even ever
        every everyone everything few first further gets getting go goes going gone gonna gotta hadn't hasn't haven't
        he'd he'll he's here's hers herself himself however i'd i'll i'm i've isn't it's itself kind know last least
        less let's like likely lot lots made make many may maybe might mine much must mustn't myself never next nobody
        none nor nothing often oh ok okay one onto others otherwise ought ours ourselves own perhaps pretty probably
        quite rather really right said same say says see seem seems shall she she'd she'll she's shouldn't since
        somebody someone something sometimes somewhat soon sort still stuff sure take thank thanks that's theirs
        themselves there's they'd they'll they're they've thing things think though through thus today together tomorrow
        tonight toward towards uh um umm under unless until upon use used via want wanted wants wasn't way we'd we'll
        we're we've well went weren't what's whatever whether who's whole whom whose within without won't wouldn't yeah
        yes yet you'd you'll you're you've yourself yourselves er erm hmm ah alright actually basically literally wanna
        """)).ToFrozenSet(StringComparer.Ordinal);

    private static FrozenSet<string> Words(string list) =>
        list.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
