using System.Collections.Frozen;

namespace VoiceNote.Modules.AudioProcessing.Application.Analysis.Text;

/// <summary>English function words and speech fillers that say nothing about a note's topic.</summary>
internal static class StopWords
{
    public static readonly FrozenSet<string> English = """
        a about above after again against all almost also although always am an and another any anybody anyone
        anything anyway are aren't around as at back be became because been before being below between both but by
        can can't cannot could couldn't did didn't do does doesn't doing don't done down during each either else
        enough etc even ever every everyone everything few first for from further get gets getting go goes going gone
        gonna got gotta had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
        himself his how however i i'd i'll i'm i've if in into is isn't it it's its itself just kind know last least
        less let let's like likely lot lots made make many may maybe me might mine more most much must mustn't my
        myself need needs never next no nobody none nor not nothing now of off often oh ok okay on once one only onto
        or other others otherwise ought our ours ourselves out over own perhaps please pretty probably quite rather
        really right said same say says see seem seems shall she she'd she'll she's should shouldn't since so some
        somebody someone something sometimes somewhat soon sort still stuff such sure take than thank thanks that
        that's the their theirs them themselves then there there's these they they'd they'll they're they've thing
        things think this those though through thus to today together tomorrow tonight too toward towards uh um umm
        under unless until up upon us use used very via want wanted wants was wasn't way we we'd we'll we're we've well
        went were weren't what what's whatever when where whether which while who who's whole whom whose why will with
        within without won't would wouldn't yeah yes yet you you'd you'll you're you've your yours yourself yourselves
        er erm hmm ah alright actually basically literally gonna wanna
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
