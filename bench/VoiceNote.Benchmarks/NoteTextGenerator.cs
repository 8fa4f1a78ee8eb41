namespace VoiceNote.Benchmarks;

/// <summary>
/// Deterministic, note-like text: each note is about one everyday topic, with words drawn from that
/// topic and from a common pool, so embeddings cluster by topic as real notes do (random vectors are
/// the worst case for HNSW; real text is not random).
/// </summary>
internal sealed class NoteTextGenerator(int seed)
{
    private static readonly string[][] Topics =
    [
        ["dentist", "appointment", "filling", "teeth", "checkup", "clinic", "doctor", "prescription", "pharmacy", "vaccine"],
        ["milk", "eggs", "bread", "groceries", "supermarket", "butter", "cheese", "apples", "coffee", "vegetables"],
        ["flight", "airport", "hotel", "passport", "luggage", "boarding", "trip", "train", "tickets", "holiday"],
        ["invoice", "payment", "bank", "tax", "budget", "expenses", "salary", "refund", "mortgage", "receipt"],
        ["meeting", "standup", "agenda", "roadmap", "sprint", "review", "presentation", "client", "report", "deadline"],
        ["bug", "deploy", "server", "database", "migration", "release", "tests", "refactor", "api", "build"],
        ["birthday", "party", "gift", "cake", "anniversary", "wedding", "dinner", "restaurant", "flowers", "invitation"],
        ["car", "mechanic", "tyres", "garage", "insurance", "parking", "fuel", "engine", "service", "oil"],
        ["plumber", "leak", "kitchen", "garden", "laundry", "landlord", "repair", "paint", "furniture", "cleaning"],
        ["school", "homework", "exam", "lecture", "essay", "teacher", "course", "assignment", "study", "library"],
        ["gym", "running", "workout", "yoga", "swimming", "training", "bike", "stretching", "marathon", "coach"],
        ["dog", "vet", "cat", "walk", "food", "grooming", "leash", "puppy", "kennel", "toys"],
    ];

    private static readonly string[] Verbs = ["call", "book", "buy", "check", "send", "fix", "plan", "pay", "ask", "prepare", "cancel", "confirm", "email", "pick up", "renew"];
    private static readonly string[] Times = ["today", "tomorrow", "on monday", "on friday", "next week", "this weekend", "before noon", "after work", "in the morning", "at five"];
    private static readonly string[] Fillers = ["about", "the", "for", "with", "and", "maybe", "also", "remember", "quickly", "again", "new", "old", "big", "small"];

    private readonly Random _random = new(seed);

    public (string Title, string Summary, string Transcript) Next()
    {
        var topic = Topics[_random.Next(Topics.Length)];
        var title = $"{Pick(Verbs)} the {Pick(topic)} {Pick(Times)}";
        var summary = Sentence(topic, 12 + _random.Next(10)) + " " + Sentence(topic, 8 + _random.Next(8));
        var transcript = Sentence(topic, 25 + _random.Next(20));
        return (Capitalise(title), summary, transcript);
    }

    /// <summary>The next <paramref name="count"/> notes as the text a note is embedded from (title, summary, transcript; as the seeder writes them).</summary>
    public List<string> Take(int count) =>
        Enumerable.Range(0, count).Select(_ => Next()).Select(n => n.Title + "\n" + n.Summary + "\n" + n.Transcript).ToList();

    /// <summary>A search query of two or three words of one topic.</summary>
    public string Query()
    {
        var topic = Topics[_random.Next(Topics.Length)];
        return string.Join(' ', Enumerable.Range(0, 2 + _random.Next(2)).Select(_ => Pick(topic)).Distinct());
    }

    private string Sentence(string[] topic, int words)
    {
        var parts = new List<string>(words);
        for (var i = 0; i < words; i++)
        {
            var roll = _random.NextDouble();
            parts.Add(roll < 0.45 ? Pick(topic) : roll < 0.6 ? Pick(Verbs) : roll < 0.7 ? Pick(Topics[_random.Next(Topics.Length)]) : Pick(Fillers));
        }

        return Capitalise(string.Join(' ', parts)) + ".";
    }

    private string Pick(string[] words) => words[_random.Next(words.Length)];

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
