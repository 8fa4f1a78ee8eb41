using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Tasks;

/// <summary>
/// Finds an event in a clause that states no task but names an occasion and when it starts: "the meeting
/// with the design team moved to Thursday at three thirty", "I have a dentist appointment on Friday at
/// ten". The event is written as its noun phrase ("Meeting with the design team"); its start becomes
/// the deadline (docs/decisions/0074).
/// </summary>
internal static class EventReader
{
    /// <summary>Occasions one attends at a set time; general English, not a list of phrases.</summary>
    private static readonly FrozenSet<string> Occasions = Set(
        "meeting", "meetings", "appointment", "appointments", "interview", "conference", "session", "standup", "stand-up",
        "sync", "catch-up", "catchup", "demo", "presentation", "lecture", "class", "lesson", "seminar", "workshop",
        "webinar", "training", "exam", "dinner", "lunch", "breakfast", "brunch", "party", "wedding", "funeral", "flight",
        "concert", "game", "match", "check-up", "checkup", "consultation", "surgery", "rehearsal", "recital", "ceremony",
        "reservation", "viewing", "hearing", "kickoff", "kick-off", "retro", "retrospective", "offsite", "haircut",
        "massage", "date", "drinks", "coffee", "call", "review", "visit", "event", "shift", "practice", "tournament",
        "recording", "screening", "briefing", "debrief", "one-on-one", "1:1", "show", "performance", "trip", "test",
        "play", "barbecue", "bbq", "picnic", "festival", "graduation", "audition", "trial", "trials", "tryout", "tryouts",
        "clinic", "deposition", "court", "inspection", "hearing", "ceremony", "reunion", "fair");

    /// <summary>People one has appointments with: "dentist on the 14th at 9" is a dentist appointment.</summary>
    private static readonly FrozenSet<string> Providers = Set(
        "dentist", "doctor", "doctor's", "gp", "vet", "physio", "physiotherapist", "optician", "hairdresser", "barber",
        "therapist", "orthodontist", "dermatologist", "hygienist", "chiropractor", "osteopath", "midwife", "dentist's");

    /// <summary>Occasions that are also common verbs or nouns of other sorts: an event only after a determiner or a modifier.</summary>
    private static readonly FrozenSet<string> Guarded = Set("call", "review", "visit", "coffee", "date", "test", "show", "practice", "game", "match", "drinks", "trip", "recording", "training");

    /// <summary>Words that end the phrase before the noun: determiners, verbs of having and being, pronouns.</summary>
    private static readonly FrozenSet<string> Before = Set(
        "the", "a", "an", "my", "our", "your", "his", "her", "their", "its", "this", "that", "next", "have", "has", "had",
        "got", "is", "are", "was", "there's", "theres", "there", "i", "we", "you", "they", "he", "she", "it", "and", "so",
        "then", "also", "about", "to", "for", "with", "of", "at", "on", "in", "by", "um", "uh", "oh", "okay", "ok", "well",
        "i've", "we've", "big", "another", "one", "some", "reminder", "remember", "don't", "forget", "that's");

    /// <summary>Words that end the phrase after the noun: what is said about the event rather than what it is.</summary>
    private static readonly FrozenSet<string> After = Set(
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "moved", "got", "gets", "been", "be", "starts",
        "start", "begins", "begin", "changed", "rescheduled", "postponed", "pushed", "shifted", "moves", "and", "then",
        "so", "but", "because", "that", "which", "i", "we", "you", "it", "it's", "please", "so", "now", "instead", "again",
        "at", "on", "in", "um", "uh", "from", "until", "till", "by", "before", "after", "to", "okay", "right", "just", "back");

    private static readonly FrozenSet<string> Told = Set("had", "went", "was", "were", "did", "attended", "enjoyed", "missed", "skipped", "left", "came");

    private const int MaxModifiers = 2;

    private const int MaxTrailingWords = 5;

    public static string? Read(ClauseWords w)
    {
        var opening = 0;
        while (w.Is(opening, TaskLexicon.Fillers))
        {
            opening++;
        }

        // "what time is the meeting tomorrow", "is the meeting on friday": a question, said without its mark.
        if (w.Is(opening, TaskLexicon.QuestionWords) || (w.Is(opening, TaskLexicon.QuestionAuxiliaries) && (w.Is(opening + 1, Determiners) || w.Is(opening + 1, TaskLexicon.Pronouns))))
        {
            return null;
        }

        for (var n = 0; n < w.Count; n++)
        {
            // "had lunch with my old boss today": an event told in the past is narration.
            if (w.Is(n, Told))
            {
                return null;
            }

            if (!w.Is(n, Occasions) || (w.Is(n, Guarded) && !(n > 0 && (w.Is(n - 1, Determiners) || IsModifier(w, n - 1)))))
            {
                continue;
            }

            var first = n;
            while (first > 0 && n - first < MaxModifiers && IsModifier(w, first - 1))
            {
                first--;
            }

            var last = n;
            if (w[n + 1] is "with" or "for" or "about" or "of")
            {
                var k = n + 2;
                while (k < w.Count && k - n - 1 <= MaxTrailingWords && !w.Is(k, After))
                {
                    k++;
                }

                last = k - 1 > n + 1 ? k - 1 : n;
            }

            return Write(w, first, last);
        }

        // "dentist on the 14th at 9": a provider and a time, with nothing else said, is an appointment.
        return w.Is(opening, Providers) && opening + 1 >= w.Count ? Write(w, opening, opening).TrimEnd('\'', 's') + " appointment" : null;
    }

    private static readonly FrozenSet<string> Determiners = Set("the", "a", "an", "my", "our", "your", "his", "her", "their", "this", "that", "next");

    private static bool IsModifier(ClauseWords w, int p) =>
        w[p] is { } word && !w.Is(p, Before) && !w.Is(p, TaskLexicon.Negations) && !w.Is(p, TaskLexicon.QuestionWords)
        && !w.Is(p, TaskLexicon.Fillers) && !w.Is(p, TaskLexicon.PersonVerbs) && !word.EndsWith("ed", StringComparison.Ordinal);

    private static string Write(ClauseWords w, int first, int last)
    {
        var text = new StringBuilder();
        for (var p = first; p <= last; p++)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            if (AssigneeFinder.TryReadName(w, p, strict: true, out var person, out var next) && w[p - 1] is "with" or "for" or "and")
            {
                text.Append(person.Name);
                p = next - 1;
                continue;
            }

            text.Append(w.Text.Surface(w.Indices[p]));
        }

        var result = text.ToString();
        return char.ToUpper(result[0], CultureInfo.InvariantCulture) + result[1..];
    }

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
