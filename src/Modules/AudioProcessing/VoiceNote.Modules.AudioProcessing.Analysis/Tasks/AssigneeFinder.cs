using System.Globalization;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Tasks;

/// <summary>A person found in a task's words and the positions they occupy.</summary>
internal sealed record NamedPerson(AssignedEntity Entity, int First, int Last);

/// <summary>
/// Finds the people a task involves: the object of a person verb ("call Dr. Smith", "ask John to …",
/// "tell Maria …"), a person after "to"/"with" ("send the report to John"), or the subject of a
/// delegated task ("John needs to …"). Titles and family words count ("Dr. Smith", "Mom").
/// </summary>
internal static class AssigneeFinder
{
    private static readonly TextInfo English = CultureInfo.GetCultureInfo("en-US").TextInfo;

    public static IReadOnlyList<NamedPerson> Find(ClauseWords w, Trigger trigger)
    {
        var found = new List<NamedPerson>();
        if (trigger.DelegateAt is int subject && TryReadName(w, subject, strict: true, out var delegated, out var afterSubject))
        {
            found.Add(new NamedPerson(delegated, subject, afterSubject - 1));
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
            while (TryReadName(w, q, strict, out var person, out var after))
            {
                found.Add(new NamedPerson(person, q, after - 1));
                if (!(w.Is(after, "and") && TryReadName(w, after + 1, strict: true, out _, out _)))
                {
                    break;
                }

                q = after + 1;
                strict = true;
            }
        }

        for (var p = start + 1; p < w.Count; p++)
        {
            if (w[p] is "to" or "with" or "for" or "from" && !found.Any(f => f.First <= p + 1 && p + 1 <= f.Last)
                && TryReadName(w, p + 1, strict: true, out var person, out var after))
            {
                found.Add(new NamedPerson(person, p + 1, after - 1));
                p = after - 1;
            }
        }

        return found.DistinctBy(f => f.Entity.Name).ToList();
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

        var q = w[p] is "my" or "our" && w.Is(p + 1, TaskLexicon.Relatives) ? p + 1 : p;
        if (w.Is(q, TaskLexicon.Relatives))
        {
            (person, next) = (new AssignedEntity(Capitalise(w[q]!)), q + 1);
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
        return !strict && !nounLike && !TaskLexicon.ActionVerbs.Contains(word) && !TaskLexicon.Negations.Contains(word) && !TaskLexicon.Connectors.Contains(word);
    }

    private static string Display(ClauseWords w, int first, int last) =>
        string.Join(" ", Enumerable.Range(first, last - first + 1).Select(i => w.IsCapitalised(i) ? w.Text.Surface(w.Indices[i]) : Capitalise(w[i]!)));

    private static string Capitalise(string word) => English.ToTitleCase(word);
}
