using System.Collections.Frozen;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Tasks;

/// <summary>
/// Priority from what was said: "urgent", "asap", "immediately", "important" … make a task HIGH;
/// "whenever", "someday", "no rush", "not urgent" … make it LOW; anything else is MEDIUM. A HIGH cue
/// that is negated ("not urgent") counts as LOW. The cue words are left out of the description.
/// </summary>
internal static class PriorityCues
{
    private static readonly string[][] Low =
    [
        ["not", "urgent"], ["not", "important"], ["isn't", "urgent"], ["no", "rush"], ["no", "hurry"], ["no", "pressure"],
        ["low", "priority"], ["not", "a", "priority"], ["whenever", "i", "can"], ["whenever", "you", "can"], ["whenever"],
        ["someday"], ["some", "day"], ["eventually"], ["at", "some", "point"], ["when", "i", "have", "time"],
        ["when", "you", "have", "time"], ["if", "i", "have", "time"], ["when", "i", "get", "a", "chance"],
        ["when", "you", "get", "a", "chance"], ["one", "of", "these", "days"],
    ];

    private static readonly string[][] High =
    [
        ["as", "soon", "as", "possible"], ["a", "s", "a", "p"], ["asap"], ["urgent"], ["urgently"], ["immediately"],
        ["right", "away"], ["right", "now"], ["straight", "away"], ["important"], ["critical"], ["crucial"],
        ["high", "priority"], ["top", "priority"], ["emergency"], ["without", "fail"],
    ];

    /// <summary>Words before a cue that belong to it: "it's urgent", "this is really important".</summary>
    private static readonly FrozenSet<string> CueLeadIns = new[]
    {
        "it's", "its", "it", "is", "this", "that's", "that", "very", "really", "super", "extremely", "quite", "so",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The priority a clause states, if any, and the positions of the cue words.</summary>
    public static (TaskPriority? Priority, IReadOnlySet<int> CuePositions) Read(ClauseWords w)
    {
        var positions = new HashSet<int>();
        TaskPriority? priority = null;
        for (var p = 0; p < w.Count; p++)
        {
            var low = Low.FirstOrDefault(cue => w.Seq(p, cue));
            if (low is not null)
            {
                Mark(w, positions, p, low.Length);
                priority ??= TaskPriority.Low;
                p += low.Length - 1;
                continue;
            }

            // "it's important to call …" is an intent; the trigger makes that task HIGH.
            var high = High.FirstOrDefault(cue => w.Seq(p, cue));
            if (high is not null && !(w.Is(p, "important") && w[p + 1] is "to" or "that"))
            {
                Mark(w, positions, p, high.Length);
                priority = TaskPriority.High;
                p += high.Length - 1;
            }
        }

        return (priority, positions);
    }

    private static void Mark(ClauseWords w, HashSet<int> positions, int start, int length)
    {
        for (var k = 0; k < length; k++)
        {
            positions.Add(start + k);
        }

        for (var back = start - 1; back >= 0 && w.Is(back, CueLeadIns); back--)
        {
            positions.Add(back);
        }
    }
}
