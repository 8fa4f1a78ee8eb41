using System.Collections.Frozen;
using System.Globalization;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Tasks;

/// <summary>A person found in a task's words and the positions they occupy.</summary>
internal sealed record NamedPerson(AssignedEntity Entity, int First, int Last);

/// <summary>
/// Finds the people a task involves: the object of a person verb ("call Dr. Smith", "ask John to …",
/// "tell Maria …"), a person after "to"/"with" ("send the report to John"), or the subject of a
/// delegated task ("John needs to …"). Titles and family words count ("Dr. Smith", "Mom").
/// Each gets a role (docs/decisions/0074): who is to act is the assignee ("John needs to …", "ask John
/// to …", "tell John to …"); anyone else the task is aimed at is a recipient ("send the invoice to Maria",
/// "call Mom", "tell Maria the budget is approved").
/// </summary>
internal static class AssigneeFinder
{
    private static readonly TextInfo English = CultureInfo.GetCultureInfo("en-US").TextInfo;

    /// <summary>Verbs that hand a task to the person after them when "to" + an action follows ("ask John to …").</summary>
    private static readonly FrozenSet<string> Directing = new[] { "ask", "tell", "get", "remind", "have", "need", "want", "let", "make" }
        .ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlyList<NamedPerson> Find(ClauseWords w, Trigger trigger)
    {
        var found = new List<NamedPerson>();
        if (trigger.DelegateAt is int subject && TryReadName(w, subject, strict: true, out var delegated, out var afterSubject))
        {
            found.Add(new NamedPerson(delegated with { Role = PersonRole.Assignee }, subject, afterSubject - 1));
        }

        var start = trigger.ActionStart;
        if (w.Is(start, TaskLexicon.PersonVerbs))
        {
            var q = start + 1;
            if (w[q] is "or" or "and" && w.Is(q + 1, TaskLexicon.PersonVerbs))
            {
                // "call or text jenny"
                q += 2;
            }

            if (w[q] is "up" or "back" && w[start] is "pick" or "call" or "ring")
            {
                q++;
            }

            // "ask priya and tom to …": a second name after "and" must clearly be one ("call grandma and wish her …").
            var strict = !w.Is(start, TaskLexicon.AlwaysPersonVerbs);
            var named = new List<NamedPerson>();
            var afterNames = q;
            while (TryReadName(w, q, strict, out var person, out var after))
            {
                named.Add(new NamedPerson(person, q, after - 1));
                afterNames = after;
                if (!(w.Is(after, "and") && TryReadName(w, after + 1, strict: true, out _, out _)))
                {
                    break;
                }

                q = after + 1;
                strict = true;
            }

            // "ask John to book …", "tell Maria she needs to call …": the person named is to act.
            var role = named.Count > 0 && HandedOver(w, start, afterNames) is not null ? PersonRole.Assignee : PersonRole.Recipient;
            found.AddRange(named.Select(n => n with { Entity = n.Entity with { Role = role } }));
        }

        for (var p = start + 1; p < w.Count; p++)
        {
            if (w[p] is "to" or "with" or "for" or "from" && !found.Any(f => f.First <= p + 1 && p + 1 <= f.Last)
                && TryReadName(w, p + 1, strict: true, out var person, out var after))
            {
                found.Add(new NamedPerson(person with { Role = PersonRole.Recipient }, p + 1, after - 1));
                p = after - 1;
            }
        }

        return found.DistinctBy(f => f.Entity.Name).ToList();
    }

    /// <summary>
    /// Where the action handed to the people after a directing verb starts: "ask John | to send …", "tell
    /// Marcus he needs to | review …", "ask Jo if she can | print …"; null when nothing is handed over
    /// ("tell Maria the budget is approved", "ask Dave if we can borrow …").
    /// </summary>
    public static int? HandedOver(ClauseWords w, int verb, int afterNames)
    {
        if (!w.Is(verb, Directing))
        {
            return null;
        }

        var q = afterNames;
        if (w.Is(q, "to"))
        {
            return w.Is(q + 1, TaskLexicon.NotNames) && !w.Is(q + 1, TaskLexicon.ActionVerbs) ? null : q + 1;
        }

        var third = w[q] is "he" or "she" or "they";
        if (third && w[q + 1] is "needs" or "need" or "has" or "have" or "ought" && w.Is(q + 2, "to"))
        {
            return q + 3;
        }

        if (third && w[q + 1] is "must" or "should" or "can" or "could" or "will")
        {
            return q + 2;
        }

        if (w.Is(q, "if") && w[q + 1] is "he" or "she" or "they" && w[q + 2] is "can" or "could" or "would" or "will")
        {
            return q + 3;
        }

        return null;
    }

    /// <summary>
    /// Reads a person at <paramref name="p"/>. Strict reading accepts only what is clearly a person
    /// (a title, a family word, a capitalised word, a known given name); otherwise an unknown word right
    /// after a person verb is taken as a name too ("ask priya to …").
    /// </summary>
    public static bool TryReadName(ClauseWords w, int p, bool strict, out AssignedEntity person, out int next)
    {
        person = null!;
        next = p;
        if (p >= w.Count || !w.Token(p).IsWord)
        {
            return false;
        }

        // "Mum" names one person; "my sister" is a relation, like "my boss" (docs/decisions/0074).
        if (w.Is(p, TaskLexicon.Relatives))
        {
            (person, next) = (new AssignedEntity(Capitalise(w[p]!)), p + 1);
            return true;
        }

        if (TaskLexicon.Titles.TryGetValue(w[p]!, out var title) && IsNameWord(w, p + 1, strict: false))
        {
            var last = p + 1;
            if (IsNameWord(w, p + 2, strict: true) && w.IsCapitalised(p + 2))
            {
                last = p + 2;
            }

            (person, next) = (new AssignedEntity(title + " " + Display(w, p + 1, last)), last + 1);
            return true;
        }

        if (!IsNameWord(w, p, strict))
        {
            return false;
        }

        var end = p;
        while (end + 1 < w.Count && end - p < 2 && w.IsCapitalised(end + 1) && IsNameWord(w, end + 1, strict: true))
        {
            end++;
        }

        (person, next) = (new AssignedEntity(Display(w, p, end)), end + 1);
        return true;
    }

    private static bool IsNameWord(ClauseWords w, int p, bool strict)
    {
        if (p >= w.Count || !w.Token(p).IsWord)
        {
            return false;
        }

        var word = w[p]!;
        if (TaskLexicon.NotNames.Contains(word) || TaskLexicon.Pronouns.Contains(word) || TaskLexicon.Fillers.Contains(word)
            || Time.TimeWords.Weekdays.ContainsKey(word) || Time.TimeWords.Months.ContainsKey(word) || Text.NumberWords.IsNumberWord(word)
            || word.Contains('\'', StringComparison.Ordinal) || word.Length < 2)
        {
            return false;
        }

        if (FirstNames.All.Contains(word) || (w.IsCapitalised(p) && !TaskLexicon.ActionVerbs.Contains(word)))
        {
            return true;
        }

        // Plurals and abstract nouns are not people ("call plumbers", "ask questions").
        var nounLike = (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)) || word.EndsWith("ing", StringComparison.Ordinal)
            || word.EndsWith("tion", StringComparison.Ordinal) || word.EndsWith("ment", StringComparison.Ordinal) || word.EndsWith("ness", StringComparison.Ordinal);
        // "tell marcus he needs to …": a word that sounds like a plural is a name when "he" or "she" follows it.
        nounLike &= !(w[p + 1] is "he" or "she");
        return !strict && !nounLike && !TaskLexicon.ActionVerbs.Contains(word) && !TaskLexicon.Negations.Contains(word) && !TaskLexicon.Connectors.Contains(word);
    }

    private static string Display(ClauseWords w, int first, int last) =>
        string.Join(" ", Enumerable.Range(first, last - first + 1).Select(i => w.IsCapitalised(i) ? w.Text.Surface(w.Indices[i]) : Capitalise(w[i]!)));

    private static string Capitalise(string word) => English.ToTitleCase(word);
}
