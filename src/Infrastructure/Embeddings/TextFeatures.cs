using System.Globalization;
using System.Text;
using VoiceNote.Text;

namespace VoiceNote.Infrastructure.Embeddings;

/// <summary>The pieces of text the local embedding hashes: words, stems, stop words, character n-grams, concepts.</summary>
public static class TextFeatures
{
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

    /// <summary>The shared function-word list (docs/decisions/0051); part of what makes a vector, so it is fixed for this model.</summary>
    public static bool IsStopWord(string word) => StopWords.Function.Contains(word);

    /// <summary>The shared stemmer (docs/decisions/0051).</summary>
    public static string Stem(string word) => Stemmer.Stem(word);

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

    private static Dictionary<string, string[]> BuildConcepts(Dictionary<string, string[]> groups) =>
        groups.SelectMany(g => g.Value.Select(word => (Stem: Stem(word), Concept: g.Key)))
            .GroupBy(p => p.Stem, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Concept).Distinct().ToArray(), StringComparer.Ordinal);
}
