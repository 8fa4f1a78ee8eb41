using System.Collections.Frozen;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Tasks;

/// <summary>
/// The communication type of a task. A named platform anywhere in the clause wins ("call him on
/// WhatsApp" is WhatsApp); otherwise the action decides: call/phone/ring → CALL, text/SMS → SMS,
/// meet or arranging a meeting → MEET. Nouns alone do not count: "buy a ring" is no call.
/// </summary>
internal static class ChannelDetector
{
    private static readonly FrozenSet<string> Meetings = new[]
    {
        "meeting", "meetings", "meetup", "standup", "stand-up", "sync", "catch-up", "appointment", "interview", "session",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Arranging = new[]
    {
        "schedule", "book", "set", "arrange", "organise", "organize", "plan", "have", "attend", "join", "host", "reschedule", "confirm",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static CommunicationType? Detect(ClauseWords w, int actionStart)
    {
        for (var p = 0; p < w.Count; p++)
        {
            var platform = w[p] switch
            {
                "whatsapp" => CommunicationType.WhatsApp,
                "whats" or "what's" when w.Is(p + 1, "app") => CommunicationType.WhatsApp,
                "slack" => CommunicationType.Slack,
                "zoom" or "teams" or "webex" or "hangouts" or "facetime" => CommunicationType.Meet,
                "google" when w.Is(p + 1, "meet") => CommunicationType.Meet,
                "video" when w[p + 1] is "call" or "chat" or "conference" => CommunicationType.Meet,
                "sms" or "imessage" => CommunicationType.Sms,
                _ => (CommunicationType?)null,
            };
            if (platform is not null)
            {
                return platform;
            }
        }

        var verb = w[actionStart];
        switch (verb)
        {
            case "call" or "phone" or "ring":
                return CommunicationType.Call;
            case "text":
                return CommunicationType.Sms;
            case "meet":
                return CommunicationType.Meet;
            case "give" when Enumerable.Range(actionStart + 1, 4).Any(p => w[p] is "call" or "ring" or "buzz"):
                return CommunicationType.Call;
            case "send" when Enumerable.Range(actionStart + 1, 4).Any(p => w[p] is "text" or "texts"):
                return CommunicationType.Sms;
        }

        if (verb is not null && (Arranging.Contains(verb) || verb is "ask" or "invite"))
        {
            for (var p = actionStart + 1; p < Math.Min(w.Count, actionStart + 6); p++)
            {
                if (w.Is(p, Meetings))
                {
                    return CommunicationType.Meet;
                }

                if (w[p] is "call" or "phone")
                {
                    return CommunicationType.Call;
                }
            }
        }

        return null;
    }
}
