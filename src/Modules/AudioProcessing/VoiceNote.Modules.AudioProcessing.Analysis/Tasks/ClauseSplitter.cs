using System.Collections.Frozen;
using VoiceNote.Modules.AudioProcessing.Analysis.Text;
using VoiceNote.Modules.AudioProcessing.Analysis.Time;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Tasks;

/// <summary>
/// Splits a transcript into sentences (punctuation, long pauses before a clause opener) and sentences into clauses. "then"
/// always starts a clause; "and", "also", "but", "so" and commas do only when what follows can open a
/// clause (a verb, "I …", "remind me …"): "call the dentist and buy milk" is two clauses, "buy milk
/// and eggs" is one.
/// </summary>
internal static class ClauseSplitter
{
    private static readonly FrozenSet<string> SentenceEnds = new[] { ".", "!", "?", ";", ":", "…", "...", "—", "–", "-" }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> Abbreviations = new[] { "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "vs", "etc", "approx" }.ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlyList<Clause> Split(TokenizedText text, IReadOnlySet<int>? pausesBefore = null)
    {
        var clauses = new List<Clause>();
        var reader = new ExpressionReader(text.Tokens, text.Count);
        var sentence = 0;
        var start = 0;
        var i = 0;
        while (i < text.Count)
        {
            var token = text[i];
            // A long pause ends a sentence unless what follows carries the sentence on: speakers also
            // pause before a deadline or a preposition ("call the dentist … tomorrow at five").
            if (pausesBefore?.Contains(i) == true && i > start && !ContinuesSentence(text, reader, i))
            {
                Add(start, i, false);
                sentence++;
                start = i;
            }

            if (token.IsPunctuation && SentenceEnds.Contains(token.Text) && !IsAbbreviationDot(text, i))
            {
                Add(start, i, token.Text == "?");
                sentence++;
                start = i + 1;
                i++;
                continue;
            }

            if (i > start && (StartsIntent(text, i) || StartsDiscourse(text, i)) && !IsConnector(text, i - 1) && !IsPreamble(text, reader, start, i))
            {
                Add(start, i, false);
                start = i;
                i++;
                continue;
            }

            if (i > start + 1 && StartsImperative(text, i) && !IsPreamble(text, reader, start, i))
            {
                Add(start, i, false);
                start = i;
                i++;
                continue;
            }

            if (IsConnector(text, i))
            {
                var run = i;
                var strong = false;
                while (run < text.Count && IsConnector(text, run))
                {
                    // "also" moves on to the next item in speech ("… also the smoke alarm keeps chirping so …").
                    strong |= text[run].Text is "then" or "afterwards" or "also" || (text[run].Text == "after" && run + 1 < text.Count && text[run + 1].Text == "that");
                    run += text[run].Text == "after" && run + 1 < text.Count && text[run + 1].Text == "that" ? 2 : 1;
                }

                // "I also need to …" keeps its subject; "review and sign the contract" shares its object.
                var keepsSubject = i > 0 && text[i - 1].Text is "i" or "we" or "you" or "he" or "she" or "they";
                var sharedObject = i - start == 1 && text[start].IsOneOf(TaskLexicon.ActionVerbs) && text[i].Text is "and" or "or";
                if (run > start && run < text.Count && (strong || OpensClause(text, reader, run)) && i > start && !keepsSubject && !sharedObject)
                {
                    Add(start, i, false);
                    start = run;
                }

                i = Math.Max(run, i + 1);
                continue;
            }

            i++;
        }

        Add(start, text.Count, false);
        return clauses;

        void Add(int first, int end, bool question)
        {
            while (first < end && text[first].IsPunctuation)
            {
                first++;
            }

            while (end > first && text[end - 1].IsPunctuation)
            {
                end--;
            }

            if (end > first)
            {
                clauses.Add(new Clause(first, end, sentence, question));
            }
        }
    }

    private static bool IsConnector(TokenizedText text, int i)
    {
        var token = text[i];
        if (token.IsPunctuation)
        {
            return token.Text == ",";
        }

        if (token.Text == "after")
        {
            return i + 1 < text.Count && text[i + 1].Text == "that";
        }

        // "on the twenty third", "the second": an ordinal of a date, not "third, …" of a list.
        if (token.Text is "first" or "second" or "third" && i > 0 && (text[i - 1].Text == "the" || Text.NumberWords.IsNumberWord(text[i - 1].Text)))
        {
            return false;
        }

        return token.IsOneOf(TaskLexicon.Connectors);
    }

    /// <summary>True when a clause can start at <paramref name="i"/>, looking past fillers and a leading time expression.</summary>
    private static bool OpensClause(TokenizedText text, ExpressionReader reader, int i)
    {
        while (i < text.Count && text[i].IsOneOf(TaskLexicon.Fillers) && !text[i].IsOneOf(TaskLexicon.ClauseOpeners))
        {
            i++;
        }

        if (reader.TryRead(i) is { } time)
        {
            i = time.Last + 1;
        }

        return i < text.Count && (text[i].IsOneOf(TaskLexicon.ActionVerbs) || text[i].IsOneOf(TaskLexicon.ClauseOpeners));
    }

    private static readonly FrozenSet<string> Continuations = new[]
    {
        "to", "for", "with", "at", "on", "by", "in", "about", "of", "from", "before", "after", "until", "and", "or", "but",
        "than", "as", "um", "uh", "er", "erm",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static bool ContinuesSentence(TokenizedText text, ExpressionReader reader, int i) =>
        text[i].IsPunctuation || text[i].IsOneOf(Continuations) && !OpensClause(text, reader, i) || reader.TryRead(i) is not null;

    /// <summary>True when tokens [start, end) are only fillers and a time expression ("so tomorrow | I need to …").</summary>
    private static bool IsPreamble(TokenizedText text, ExpressionReader reader, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            if (text[i].IsPunctuation || text[i].IsOneOf(TaskLexicon.Fillers))
            {
                i++;
            }
            else if (reader.TryRead(i) is { } time && time.Last < end)
            {
                i = time.Last + 1;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Phrases that open a clause even without "and" before them, as unpunctuated speech strings
    /// sentences together: "… broken on mobile i need to fix it …", "… call john don't email him".
    /// </summary>
    private static bool StartsIntent(TokenizedText text, int i)
    {
        string? W(int k) => k < text.Count && text[k].IsWord ? text[k].Text : null;
        var word = W(i);
        return word switch
        {
            "i" or "we" => W(i + 1) switch
            {
                "need" or "have" or "ought" or "want" => W(i + 2) == "to" || (W(i + 2) == "got" && W(i + 3) == "to"),
                "must" or "should" or "gotta" or "wanna" => true,
                "also" or "really" or "still" or "definitely" => W(i + 2) is "need" or "have" or "must" or "should" && (W(i + 3) == "to" || W(i + 2) is "must" or "should"),
                _ => false,
            },
            "i'll" or "we'll" or "let's" => true,
            "i've" or "we've" => W(i + 1) == "got" && W(i + 2) == "to",
            // A subject dropped after a word that cannot be one: "… the bank need to buy milk".
            "need" or "have" or "gotta" when i > 0 && text[i - 1].IsWord && !text[i - 1].IsOneOf(NotBeforeDroppedSubject) && !FirstNames.All.Contains(text[i - 1].Text) =>
                word == "gotta" || (W(i + 1) == "to" && W(i + 2) is not null && text[i + 2].IsOneOf(TaskLexicon.ActionVerbs)),
            "i'm" or "we're" => W(i + 1) == "going" && W(i + 2) == "to",
            "remind" => W(i + 1) is "me" or "us",
            "remember" => W(i + 1) == "to",
            "don't" or "dont" => true,
            "make" => W(i + 1) == "sure",
            "no" => W(i + 1) == "need",
            _ => false,
        };
    }

    /// <summary>Words after which "need to …" has its subject or is no new clause ("they need to", "you don't need to").</summary>
    private static readonly FrozenSet<string> NotBeforeDroppedSubject = new[]
    {
        "i", "we", "you", "they", "he", "she", "it", "who", "that", "which", "also", "really", "still", "just", "definitely",
        "don't", "dont", "doesn't", "not", "no", "will", "would", "might", "may", "might", "to", "and", "or", "but", "then",
        "i'll", "we'll", "you'll", "really", "probably", "actually", "finally", "absolutely", "people", "everyone", "somebody",
        "someone", "kids", "team", "guys", "both", "all", "each", "reminder", "remember", "you'll", "won't", "now",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Phrases by which speakers move to the next item: "one more thing", "before I forget", "after that", "oh and".</summary>
    private static bool StartsDiscourse(TokenizedText text, int i)
    {
        string? W(int k) => k < text.Count && text[k].IsWord ? text[k].Text : null;
        return W(i) switch
        {
            "one" => W(i + 1) == "more" && W(i + 2) is "thing" or "item",
            "another" => W(i + 1) is "thing" or "item",
            "before" => W(i + 1) is "i" or "we" && W(i + 2) == "forget",
            "oh" => W(i + 1) is "and" or "also" or "yeah",
            "next" => W(i + 1) is "i" or "we" or "thing" || (i + 1 < text.Count && text[i + 1].IsOneOf(TaskLexicon.ActionVerbs)),
            "after" => W(i + 1) == "that" && i + 2 < text.Count && text[i + 2].IsWord,
            _ => false,
        };
    }

    /// <summary>
    /// An imperative run on without "and": "… buy milk call the bank …". The verb must follow a word that
    /// cannot govern it (not "to", a determiner, a pronoun or another verb) and take an object that
    /// starts like one ("the", "my", "up", a name).
    /// </summary>
    private static bool StartsImperative(TokenizedText text, int i)
    {
        if (!text[i].IsWord || !text[i].IsOneOf(TaskLexicon.ActionVerbs) || i + 1 >= text.Count || !text[i + 1].IsWord || !text[i - 1].IsWord)
        {
            return false;
        }

        var before = text[i - 1];
        if (before.IsOneOf(NotBeforeImperative) || before.IsOneOf(TaskLexicon.Pronouns)
            || before.IsOneOf(TaskLexicon.Connectors) || before.IsOneOf(TaskLexicon.Negations) || before.IsOneOf(TaskLexicon.QuestionAuxiliaries)
            || before.Text.Contains('\'', StringComparison.Ordinal) || before.Text.EndsWith("ly", StringComparison.Ordinal))
        {
            return false;
        }

        var after = text[i + 1];
        var personVerb = text[i].IsOneOf(TaskLexicon.PersonVerbs);
        return after.IsOneOf(ObjectOpeners) || after.Text.EndsWith("'s", StringComparison.Ordinal)
            || (personVerb && (after.IsOneOf(TaskLexicon.Relatives) || FirstNames.All.Contains(after.Text) || TaskLexicon.Titles.ContainsKey(after.Text)))
            || (after.Text == "to" && text[i].Text is "reply" or "respond" or "talk" or "speak" or "write" or "go" or "listen");
    }

    private static readonly FrozenSet<string> NotBeforeImperative = new[]
    {
        "to", "the", "a", "an", "my", "our", "your", "his", "her", "their", "its", "this", "that", "these", "those", "some", "any",
        "of", "for", "with", "on", "in", "at", "by", "from", "about", "into", "will", "would", "could", "should", "can", "must",
        "might", "may", "shall", "did", "do", "does", "please", "just", "also", "go", "come", "let", "lets", "let's", "help",
        "and", "or", "then", "so", "but", "not", "no", "who", "which", "what", "where", "when", "how", "why", "first", "next",
        "quick", "good", "new", "big", "small", "phone", "video", "conference", "zoom", "team", "sales", "follow", "one",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that open a verb's object: "call the bank", "pick up Tom", "email my boss".</summary>
    private static readonly FrozenSet<string> ObjectOpeners = new[]
    {
        "the", "a", "an", "my", "our", "your", "his", "her", "their", "some", "this", "that", "these", "those", "up", "back", "out", "off",
        "it", "them", "him", "us", "me", "everything", "all",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static bool IsAbbreviationDot(TokenizedText text, int i) =>
        text[i].Text == "." && i > 0 && text.Tokens[i - 1].End == text[i].Start && text[i - 1].IsOneOf(Abbreviations)
        && i + 1 < text.Count && text[i + 1].IsWord;
}
