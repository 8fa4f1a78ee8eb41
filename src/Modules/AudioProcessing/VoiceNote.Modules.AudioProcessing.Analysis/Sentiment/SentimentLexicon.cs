using System.Collections.Frozen;
using System.Globalization;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Sentiment;

/// <summary>
/// A small hand-made valence lexicon (weights 1–3, in the spirit of AFINN/VADER, written here since
/// neither ships as a package) with negators and intensity modifiers. Task words ("urgent",
/// "deadline") are deliberately neutral: a busy note is not a sad one.
/// </summary>
internal static class SentimentLexicon
{
    public static readonly FrozenDictionary<string, double> Valence = Parse("""
        good:2 great:3 excellent:3 amazing:3 awesome:3 fantastic:3 wonderful:3 brilliant:3 perfect:3 nice:2 fine:1
        happy:3 glad:2 pleased:2 delighted:3 excited:3 thrilled:3 love:3 loved:3 lovely:3 like:1 liked:2 enjoy:2
        enjoyed:2 fun:2 success:2 successful:2 succeeded:2 win:2 won:2 progress:1 improved:2 improvement:2 better:2
        best:3 easy:1 smooth:2 smoothly:2 helpful:2 thanks:2 thank:2 grateful:3 appreciate:2 appreciated:2 proud:2
        calm:1 relaxed:2 relieved:2 confident:2 hopeful:2 positive:2 productive:2 solved:2 fixed:1 resolved:2
        approved:2 agreed:1 impressive:3 impressed:2 beautiful:3 cool:1 exciting:3 promising:2 well:1 celebrate:3
        congratulations:3 congrats:3 yay:3 wow:2 recommend:2 reliable:2 fast:1 cheerful:2 joy:3 peaceful:2 healthy:2
        bad:-2 terrible:-3 awful:-3 horrible:-3 worst:-3 worse:-2 poor:-2 sad:-2 unhappy:-2 upset:-2 angry:-3
        annoyed:-2 annoying:-2 frustrated:-2 frustrating:-2 disappointed:-2 disappointing:-2 worried:-2 worry:-2
        anxious:-2 stressed:-2 stress:-2 stressful:-2 tired:-1 exhausted:-2 sick:-2 ill:-2 pain:-2 painful:-2 hurt:-2
        hate:-3 hated:-3 problem:-1 problems:-1 issue:-1 issues:-1 broken:-2 broke:-2 fail:-2 failed:-2 failure:-2
        failing:-2 wrong:-2 mistake:-2 error:-1 errors:-1 crash:-2 crashed:-2 bug:-1 bugs:-1 late:-1 delay:-1
        delayed:-1 cancelled:-1 canceled:-1 lost:-2 lose:-2 missed:-1 difficult:-1 hard:-1 confusing:-2 confused:-2
        boring:-2 ugly:-2 rude:-2 unfair:-2 scared:-2 afraid:-2 fear:-2 terrible:-3 disaster:-3 nightmare:-3 mess:-2
        complaint:-2 complain:-2 complained:-2 sorry:-1 unfortunately:-2 sadly:-2 struggle:-2 struggling:-2 stuck:-2
        overwhelmed:-2 lonely:-2 depressed:-3 crisis:-3 danger:-2 dangerous:-2 expensive:-1 slow:-1 useless:-2
        damn:-2 ugh:-2 argh:-2 blocked:-1 rejected:-2 reject:-1 conflict:-2 argument:-2 fight:-2 risk:-1 risky:-1
        """);

    /// <summary>Words that flip the valence of what follows within three words ("not good", "never happy").</summary>
    public static readonly FrozenSet<string> Negators = new[]
    {
        "not", "no", "never", "don't", "dont", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "won't",
        "wouldn't", "can't", "cannot", "couldn't", "shouldn't", "hardly", "barely", "without", "nothing", "nobody", "neither", "nor",
        "haven't", "hasn't", "hadn't", "ain't",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Modifiers that scale the next sentiment word.</summary>
    public static readonly FrozenDictionary<string, double> Intensity = new Dictionary<string, double>
    {
        ["very"] = 1.5, ["really"] = 1.4, ["so"] = 1.3, ["extremely"] = 1.8, ["super"] = 1.5, ["incredibly"] = 1.7,
        ["totally"] = 1.4, ["absolutely"] = 1.6, ["quite"] = 1.2, ["too"] = 1.3, ["such"] = 1.3,
        ["slightly"] = 0.5, ["somewhat"] = 0.6, ["bit"] = 0.6, ["little"] = 0.6, ["kinda"] = 0.6, ["fairly"] = 0.8,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static FrozenDictionary<string, double> Parse(string entries)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in entries.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var (word, weight) = (entry[..entry.LastIndexOf(':')], entry[(entry.LastIndexOf(':') + 1)..]);
            map[word] = double.Parse(weight, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
