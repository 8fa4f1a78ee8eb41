using System.Collections.Frozen;
using VoiceNote.Modules.AudioProcessing.Application.Analysis.Text;
using VoiceNote.Modules.AudioProcessing.Application.Analysis.Time;

namespace VoiceNote.Modules.AudioProcessing.Application.Analysis.Tasks;

/// <summary>
/// Splits a transcript into sentences (punctuation, long pauses) and sentences into clauses. "then"
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
            if (pausesBefore?.Contains(i) == true && i > start)
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

            if (IsConnector(text, i))
            {
                var run = i;
                var strong = false;
                while (run < text.Count && IsConnector(text, run))
                {
                    strong |= text[run].Text is "then" or "afterwards" || (text[run].Text == "after" && run + 1 < text.Count && text[run + 1].Text == "that");
                    run += text[run].Text == "after" && run + 1 < text.Count && text[run + 1].Text == "that" ? 2 : 1;
                }

                if (run > start && run < text.Count && (strong || OpensClause(text, reader, run)) && i > start)
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

    private static bool IsAbbreviationDot(TokenizedText text, int i) =>
        text[i].Text == "." && i > 0 && text.Tokens[i - 1].End == text[i].Start && text[i - 1].IsOneOf(Abbreviations)
        && i + 1 < text.Count && text[i + 1].IsWord;
}
