using System.Globalization;
using System.Text;

namespace VoiceNote.Infrastructure.Embeddings;

/// <summary>The pieces of text the local embedding hashes: words, stems, stop words, character n-grams, concepts.</summary>
public static class TextFeatures
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "before",
        "being", "but", "by", "can", "could", "did", "do", "does", "doing", "done", "for", "from", "get", "got", "had", "has",
        "have", "having", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "let",
        "me", "more", "most", "my", "need", "needs", "no", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our",
        "out", "over", "please", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
        "these", "they", "this", "those", "to", "too", "up", "us", "very", "was", "we", "were", "what", "when", "where",
        "which", "while", "who", "why", "will", "with", "would", "you", "your", "yours", "remember", "remind", "don", "t", "s",
    };

    /// <summary>
    /// A small hand-written thesaurus of everyday note topics, keyed by stem: each stem joins the
    /// concept groups it belongs to, so "dentist" and "appointment" share "health" and "appointment".
    /// </summary>
    private static readonly Dictionary<string, string[]> Concepts = BuildConcepts(new Dictionary<string, string[]>
    {
        ["health"] = ["dentist", "dental", "doctor", "gp", "clinic", "hospital", "checkup", "medicine", "medication", "pharmacy", "prescription", "nurse", "teeth", "tooth", "vaccine", "physio", "therapist", "sick", "ill", "fever", "health", "surgery", "medical"],
        ["appointment"] = ["appointment", "booking", "book", "reservation", "reserve", "schedule", "slot", "visit", "consultation"],
        ["grocery"] = ["grocery", "groceries", "supermarket", "milk", "egg", "bread", "butter", "cheese", "fruit", "vegetable", "shopping", "store", "market", "food", "coffee", "tea"],
        ["money"] = ["invoice", "bill", "payment", "pay", "paid", "bank", "tax", "budget", "expense", "salary", "refund", "money", "cost", "price", "rent", "loan", "mortgage", "receipt", "account"],
        ["travel"] = ["flight", "airport", "plane", "hotel", "trip", "travel", "holiday", "vacation", "passport", "visa", "luggage", "train", "ticket", "booking", "boarding"],
        ["meeting"] = ["meeting", "meet", "call", "standup", "sync", "conference", "agenda", "minutes", "discussion", "catchup"],
        ["communication"] = ["call", "phone", "email", "mail", "message", "text", "sms", "whatsapp", "slack", "reply", "contact", "ring"],
        ["work"] = ["project", "deadline", "client", "customer", "report", "presentation", "slide", "manager", "team", "colleague", "office", "roadmap", "sprint", "release", "review"],
        ["software"] = ["code", "bug", "deploy", "server", "database", "api", "test", "refactor", "commit", "release", "build", "software", "app"],
        ["family"] = ["mom", "mum", "dad", "mother", "father", "sister", "brother", "kid", "child", "children", "son", "daughter", "grandma", "grandpa", "family", "parent", "wife", "husband"],
        ["celebration"] = ["birthday", "party", "gift", "present", "anniversary", "wedding", "celebration", "cake", "invitation", "dinner", "restaurant", "flower"],
        ["car"] = ["car", "vehicle", "mechanic", "garage", "tyre", "tire", "oil", "engine", "service", "insurance", "parking", "fuel", "petrol"],
        ["home"] = ["house", "home", "flat", "apartment", "plumber", "electrician", "repair", "fix", "leak", "sink", "kitchen", "garden", "clean", "laundry", "landlord", "rent", "mortgage"],
        ["school"] = ["school", "class", "lecture", "homework", "exam", "essay", "teacher", "student", "course", "university", "study", "assignment", "grade"],
        ["fitness"] = ["gym", "run", "running", "workout", "exercise", "yoga", "swim", "training", "fitness", "walk", "bike"],
        ["legal"] = ["contract", "lawyer", "attorney", "agreement", "legal", "court", "sign", "signature", "clause"],
        ["pet"] = ["dog", "cat", "vet", "pet", "puppy", "kitten"],
        ["time"] = ["tomorrow", "today", "tonight", "morning", "afternoon", "evening", "week", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    });

    /// <summary>Lower-cased words of letters and digits; accents are kept, apostrophes split ("don't" → "don", "t").</summary>
    public static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>
    /// A light English suffix stripper (a few Porter steps): plurals, -ing, -ed, -ly, -ment, -ation and
    /// a final e, so "appointments" and "appointment" meet at "appoint", "scheduled" and "schedule" at "schedul".
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !word.All(char.IsLetter))
        {
            return word;
        }

        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        foreach (var suffix in new[] { "ations", "ation", "ments", "ment", "ingly", "ing", "edly", "ed", "ly" })
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= 3 && HasVowel(w[..^suffix.Length]))
            {
                w = w[..^suffix.Length];
                if (suffix is "ing" or "ed" && w.Length > 3 && w[^1] == w[^2] && !"lsz".Contains(w[^1], StringComparison.Ordinal))
                {
                    w = w[..^1];
                }

                break;
            }
        }

        if (w.Length > 4 && w.EndsWith('e'))
        {
            w = w[..^1];
        }

        return w;
    }

    /// <summary>Character n-grams of a word framed by '&lt;' and '&gt;' (fastText style), so prefixes and suffixes count.</summary>
    public static IEnumerable<string> CharGrams(string word, int min, int max)
    {
        var framed = "<" + word + ">";
        for (var n = min; n <= max; n++)
        {
            for (var i = 0; i + n <= framed.Length; i++)
            {
                yield return framed.Substring(i, n);
            }
        }
    }

    public static IReadOnlyList<string> ConceptsOf(string stem) => Concepts.TryGetValue(stem, out var concepts) ? concepts : [];

    private static bool HasVowel(string s) => s.Any(c => "aeiouy".Contains(c, StringComparison.Ordinal));

    private static Dictionary<string, string[]> BuildConcepts(Dictionary<string, string[]> groups) =>
        groups.SelectMany(g => g.Value.Select(word => (Stem: Stem(word), Concept: g.Key)))
            .GroupBy(p => p.Stem, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Concept).Distinct().ToArray(), StringComparer.Ordinal);
}
