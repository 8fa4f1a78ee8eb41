using System.Collections.Frozen;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Tasks;

/// <summary>The English words the task extractor reasons with. Lists, not a model: easy to read and extend.</summary>
internal static class TaskLexicon
{
    /// <summary>Verbs that start an imperative task in their base form ("call …", "buy …", "pick up …").</summary>
    public static readonly FrozenSet<string> ActionVerbs = Set(
        "call", "phone", "ring", "email", "mail", "text", "message", "whatsapp", "slack", "ping", "dm", "fax",
        "buy", "get", "grab", "pick", "collect", "fetch", "order", "purchase", "rent", "return", "renew",
        "send", "forward", "deliver", "post", "share", "upload", "download", "submit", "sign", "file", "print", "scan",
        "book", "schedule", "reschedule", "cancel", "arrange", "organise", "organize", "plan", "set", "confirm", "postpone",
        "write", "draft", "prepare", "finish", "complete", "review", "check", "read", "update", "fix", "test", "deploy",
        "merge", "install", "backup", "research", "investigate", "look", "find", "follow", "reply", "respond", "answer",
        "contact", "meet", "visit", "see", "ask", "tell", "invite", "remind", "notify", "inform", "thank", "congratulate",
        "pay", "transfer", "invoice", "charge", "refund", "claim", "apply", "register", "enrol", "enroll",
        "clean", "wash", "tidy", "cook", "make", "bake", "bring", "take", "drop", "move", "feed", "walk", "water",
        "do", "go", "start", "stop", "try", "practise", "practice", "study", "learn", "revise", "grade", "mark",
        "record", "note", "add", "create", "delete", "remove", "change", "replace", "repair", "paint", "wrap", "pack",
        "unpack", "charge", "print", "photocopy", "pick", "drive", "fill", "refill", "top", "measure", "discuss",
        "present", "rehearse", "translate", "summarise", "summarize", "publish", "close", "open", "lock", "unlock",
        "water", "mow", "vacuum", "iron", "sort", "hire", "interview", "onboard", "approve", "reject", "decide", "choose",
        "prescribe", "refer", "assess", "document", "wish", "talk", "speak", "celebrate", "print", "email",
        // Common everyday verbs, so that run-on lists split at them too.
        "loop", "chase", "dig", "log", "swap", "defrost", "give", "borrow", "lend", "fit", "put", "hang", "empty", "load",
        "unload", "sweep", "mop", "dust", "fold", "hoover", "recycle", "shred", "plant", "prune", "trim", "sell", "donate",
        "ship", "sew", "mend", "assemble", "build", "configure", "reset", "restart", "reboot", "upgrade", "migrate",
        "verify", "reconcile", "calculate", "compare", "label", "archive", "decorate", "reserve", "exchange", "inspect",
        "wipe", "restore", "edit", "proofread", "finalise", "finalize", "pitch", "memorise", "memorize", "chop", "repaint",
        "defrost", "tell", "buy", "renew", "sort", "take", "attach", "escalate", "flag", "nudge", "collect", "arrange");

    /// <summary>Verbs whose object is often a person ("call John", "email Sarah", "pick up Tom").</summary>
    public static readonly FrozenSet<string> PersonVerbs = Set(
        "call", "phone", "ring", "text", "email", "mail", "message", "ping", "dm", "whatsapp", "slack", "ask", "tell",
        "remind", "invite", "meet", "contact", "visit", "see", "thank", "congratulate", "pay", "notify", "inform",
        "update", "get", "help", "warn", "refer", "interview", "hire", "pick", "collect", "fetch", "send", "give",
        "bring", "show", "buy", "wish");

    /// <summary>
    /// Person verbs whose object is nearly always a person ("call priya", "ask tom"): after these an
    /// unknown lower-case word is taken as a name. After the others only a clear name counts.
    /// </summary>
    public static readonly FrozenSet<string> AlwaysPersonVerbs = Set(
        "call", "phone", "ring", "text", "ask", "tell", "remind", "invite", "meet", "thank", "ping", "message", "dm", "whatsapp");

    /// <summary>Words that may open a clause before the action and carry no meaning for it.</summary>
    public static readonly FrozenSet<string> Fillers = Set(
        "so", "okay", "ok", "um", "umm", "uh", "uhh", "er", "erm", "hmm", "ah", "oh", "well", "and", "also", "then",
        "please", "just", "alright", "right", "yeah", "yes", "hey", "first", "firstly", "second", "secondly", "third",
        "next", "finally", "lastly", "actually", "anyway", "anyways", "now", "plus", "but", "todo", "to-do", "task",
        "reminder", "maybe", "perhaps", "probably", "definitely", "really", "quickly", "still", "absolutely", "seriously",
        "basically", "like", "oh", "another", "thing", "one", "other");

    /// <summary>Words that soften a task ("maybe call John"): it is still a task, with lower confidence.</summary>
    public static readonly FrozenSet<string> Hedges = Set("maybe", "perhaps", "probably", "possibly", "might");

    /// <summary>Filler sounds removed anywhere in a description.</summary>
    public static readonly FrozenSet<string> Disfluencies = Set("um", "umm", "uh", "uhh", "er", "erm", "hmm", "ah", "please");

    /// <summary>Subjects of an intent ("I need to …", "we should …").</summary>
    public static readonly FrozenSet<string> FirstPersons = Set("i", "we");

    public static readonly FrozenSet<string> Pronouns = Set(
        "i", "we", "you", "he", "she", "they", "it", "me", "us", "him", "her", "them", "someone", "somebody", "anyone",
        "anybody", "everyone", "everybody", "nobody", "this", "that", "these", "those", "there", "here");

    /// <summary>Auxiliaries that, before a subject, make a question ("should I …", "do we …").</summary>
    public static readonly FrozenSet<string> QuestionAuxiliaries = Set(
        "should", "shall", "do", "does", "did", "can", "could", "would", "will", "is", "are", "was", "were", "have",
        "has", "had", "must", "may", "might", "am", "won't", "don't", "doesn't", "didn't", "can't", "shouldn't", "isn't", "aren't");

    public static readonly FrozenSet<string> QuestionWords = Set("what", "when", "where", "why", "how", "who", "which", "whether", "whose", "whom");

    /// <summary>Words that negate what follows ("no need to call", "don't call him").</summary>
    public static readonly FrozenSet<string> Negations = Set(
        "no", "not", "never", "don't", "dont", "doesn't", "didn't", "won't", "wont", "shouldn't", "can't", "cant", "cannot",
        "mustn't", "needn't", "wouldn't", "couldn't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't",
        "nobody", "nothing", "neither", "nor");

    /// <summary>Verbs after "I need to …" that are talk, not tasks ("I have to say …", "I must admit …").</summary>
    public static readonly FrozenSet<string> RhetoricalVerbs = Set(
        "say", "admit", "think", "guess", "suppose", "know", "mention", "confess", "agree", "disagree", "wonder",
        "imagine", "feel", "believe", "be", "been");

    /// <summary>Past participles: "I should have called" is regret, not a task.</summary>
    public static readonly FrozenSet<string> IrregularParticiples = Set(
        "been", "done", "gone", "seen", "sent", "made", "had", "got", "gotten", "told", "bought", "said", "paid", "met",
        "left", "brought", "thought", "forgotten", "written", "taken", "given", "spoken", "known", "put", "read", "found");

    /// <summary>Words after a verb that show the verb was a noun ("the email was …", "call went well").</summary>
    public static readonly FrozenSet<string> NounSignals = Set(
        "was", "were", "is", "are", "has", "had", "have", "did", "does", "from", "said", "came", "went", "got", "will",
        "would", "could", "should", "can", "i", "we", "he", "she", "they", "it's", "isn't", "wasn't", "arrived", "took",
        "of", "lasted", "ended", "started", "seems", "looks", "looked", "sounds", "sounded");

    /// <summary>Words that may open a new clause after "and" or a comma ("… and buy milk", "…, I need to …").</summary>
    public static readonly FrozenSet<string> ClauseOpeners = Set(
        "i", "we", "you", "he", "she", "they", "it", "there", "let's", "lets", "let", "remind", "remember", "don't",
        "dont", "do", "make", "be", "need", "have", "must", "should", "gotta", "please", "can", "could", "would",
        "will", "it's", "i'm", "i'll", "i've", "i'd", "we'll", "we're", "we've", "we'd", "you'll", "you're", "you've",
        "no", "not", "never", "maybe", "what", "when", "why", "how", "where", "who", "is", "are", "was", "were", "did",
        "does", "also", "then", "urgent", "important", "this", "that's", "its");

    /// <summary>Connectors at which a sentence may split into clauses; "then" always splits.</summary>
    public static readonly FrozenSet<string> Connectors = Set(
        "and", "then", "plus", "but", "also", "so", "because", "afterwards", "after", "first", "firstly", "second",
        "secondly", "third", "thirdly", "next", "finally", "lastly");

    /// <summary>Titles before a name: "dr smith" becomes "Dr. Smith".</summary>
    public static readonly FrozenDictionary<string, string> Titles = new Dictionary<string, string>
    {
        ["dr"] = "Dr.", ["doctor"] = "Dr.", ["mr"] = "Mr.", ["mister"] = "Mr.", ["mrs"] = "Mrs.", ["ms"] = "Ms.",
        ["miss"] = "Miss", ["prof"] = "Prof.", ["professor"] = "Prof.", ["sir"] = "Sir", ["dame"] = "Dame",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Family words that name one person ("call mom").</summary>
    public static readonly FrozenSet<string> Relatives = Set(
        "mom", "mum", "mother", "dad", "father", "grandma", "grandpa", "grandmother", "grandfather", "granny", "nana",
        "brother", "sister", "wife", "husband", "aunt", "auntie", "uncle", "son", "daughter", "cousin", "mama", "papa",
        "grandad", "granddad", "gran", "nan", "oma", "opa");

    /// <summary>
    /// Words that follow "call", "email", "ask" … and are not a person's name. A lower-case transcript
    /// has no capitals, so an unknown word right after such a verb is taken as a name unless listed here.
    /// </summary>
    public static readonly FrozenSet<string> NotNames = Set(
        "the", "a", "an", "my", "our", "your", "his", "her", "their", "its", "this", "that", "these", "those", "some",
        "all", "any", "every", "each", "back", "up", "off", "out", "in", "over", "around", "ahead", "later", "soon",
        "again", "first", "about", "regarding", "re", "to", "with", "for", "from", "on", "at", "by", "and", "or", "but",
        "support", "sales", "team", "office", "bank", "school", "home", "work", "people", "customer", "customers",
        "client", "clients", "vendor", "vendors", "supplier", "suppliers", "landlord", "plumber", "electrician",
        "mechanic", "doctor", "dentist", "vet", "insurance", "hospital", "clinic", "pharmacy", "restaurant", "hotel",
        "airline", "service", "it", "hr", "finance", "accounting", "legal", "marketing", "management", "reception",
        "police", "teacher", "company", "store", "shop", "garage", "agency", "council", "embassy", "helpdesk",
        "security", "boss", "manager", "everyone", "everybody", "someone", "somebody", "anyone", "nobody", "them",
        "him", "her", "us", "me", "you", "it", "what", "whether", "if", "when", "how", "why", "who", "yourself",
        "myself", "ourselves", "milk", "bread", "eggs", "report", "email", "emails", "message", "messages", "call",
        "calls", "meeting", "meetings", "invoice", "invoices", "form", "forms", "car", "kids", "children", "dog", "cat",
        "rent", "bill", "bills", "tickets", "ticket", "flight", "flights", "table", "appointment", "slides", "deck",
        "document", "documents", "file", "files", "contract", "proposal", "budget", "plan", "list", "groceries",
        "stuff", "things", "something", "anything", "everything", "nothing", "now", "today", "tonight", "tomorrow",
        "asap", "urgently", "immediately", "right", "please", "quickly", "too", "as", "well", "not", "no", "yes",
        "thanks", "thank", "ok", "okay", "know", "down", "done", "sure", "there", "here", "home", "straight", "directly",
        "personally", "instead", "together", "once", "twice", "whatsapp", "slack", "zoom", "teams", "text", "sms",
        "phone", "mobile", "cell", "number", "address", "a", "one", "two", "three", "four", "five", "ten");

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
