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

            if (i > start && StartsIntent(text, i) && !IsConnector(text, i - 1) && !IsPreamble(text, reader, start, i))
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
                    strong |= text[run].Text is "then" or "afterwards" || (text[run].Text == "after" && run + 1 < text.Count && text[run + 1].Text == "that");
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
                "need" or "have" or "ought" => W(i + 2) == "to" || (W(i + 2) == "got" && W(i + 3) == "to"),
                "must" or "should" or "gotta" => true,
                "also" or "really" or "still" or "definitely" => W(i + 2) is "need" or "have" or "must" or "should" && (W(i + 3) == "to" || W(i + 2) is "must" or "should"),
                _ => false,
            },
            "i'll" or "we'll" or "let's" => true,
            "i'm" or "we're" => W(i + 1) == "going" && W(i + 2) == "to",
            "remind" => W(i + 1) is "me" or "us",
            "remember" => W(i + 1) == "to",
            "don't" or "dont" => true,
            "make" => W(i + 1) == "sure",
            "no" => W(i + 1) == "need",
            _ => false,
        };
    }

    private static bool IsAbbreviationDot(TokenizedText text, int i) =>
        text[i].Text == "." && i > 0 && text.Tokens[i - 1].End == text[i].Start && text[i - 1].IsOneOf(Abbreviations)
        && i + 1 < text.Count && text[i + 1].IsWord;
}
