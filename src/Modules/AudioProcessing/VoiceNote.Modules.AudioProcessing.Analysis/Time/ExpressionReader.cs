using VoiceNote.Modules.AudioProcessing.Analysis.Text;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Time;

/// <summary>
/// Reads one time expression starting at a token: an optional deadline word ("by", "before", "until",
/// "no later than", "due"), then a date and/or a time of day in either order ("tomorrow at five pm",
/// "at 5 on Friday", "next Monday morning"), or an elapsed duration ("in two hours").
/// </summary>
internal sealed partial class ExpressionReader
{
    private readonly IReadOnlyList<Token> _tokens;
    private readonly int _end;

    public ExpressionReader(IReadOnlyList<Token> tokens, int end)
    {
        _tokens = tokens;
        _end = end;
    }

    public ParsedExpression? TryRead(int start)
    {
        var i = start;
        var by = false;
        var preposition = false;
        var at = false;
        if (Seq(i, "no", "later", "than") || Seq(i, "not", "later", "than"))
        {
            by = true;
            i += 3;
        }
        else if (W(i) is "by" or "before" or "until" or "till" or "til" or "due")
        {
            by = true;
            var word = W(i);
            i++;
            if (word == "due" && W(i) is "on" or "by")
            {
                i++;
            }
        }
        else if (W(i) is "within")
        {
            by = true;
        }
        else if (W(i) is "on" or "for" || (W(i) is "in" or "during" && TimeWords.Months.ContainsKey(W(i + 1) ?? string.Empty)))
        {
            preposition = true;
            i++;
        }
        else if (W(i) is "at" or "around" or "about")
        {
            at = true;
        }

        var parsed = ReadCore(i, by || preposition, at, by);
        if (parsed is null)
        {
            return null;
        }

        // "for monday's review": a possessive date belongs to its noun; the preposition stays in the text.
        var possessive = preposition && _tokens[i].Text.EndsWith("'s", StringComparison.Ordinal);
        return parsed with { First = possessive ? i : start, By = by || parsed.By };
    }

    private ParsedExpression? ReadCore(int i, bool afterPreposition, bool atOnly, bool by)
    {
        if (!atOnly && TryDuration(i, out var duration, out var next))
        {
            return duration with { First = i, Last = next - 1 };
        }

        if (!atOnly && TryDate(i, afterPreposition, out var date, out var dateTime, out next))
        {
            var time = dateTime;
            var k = SkipComma(next);
            if (time is null && TryBarePeriod(k, out var period, out var afterPeriod))
            {
                time = period;
                next = afterPeriod;
                k = SkipComma(afterPeriod);
            }

            if (TryTime(k, prefixed: false, out var clock, out var afterClock))
            {
                time = time is { IsClock: false } ? clock.WithPeriod(time) : time ?? clock;
                next = afterClock;
            }

            return new ParsedExpression(i, next - 1, date, time, null, false);
        }

        if (TryTime(i, prefixed: by, out var timeFirst, out next))
        {
            var k = SkipComma(next);
            var on = W(k) == "on";
            if (TryDate(on ? k + 1 : k, on, out var laterDate, out _, out var afterDate))
            {
                return new ParsedExpression(i, afterDate - 1, laterDate, timeFirst, null, false);
            }

            return new ParsedExpression(i, next - 1, null, timeFirst, null, false);
        }

        return null;
    }

    private string? W(int i) => i >= 0 && i < _end && _tokens[i].IsWord ? _tokens[i].Text : null;

    private bool Is(int i, string word) => W(i) == word;

    private bool Seq(int i, params string[] words)
    {
        for (var k = 0; k < words.Length; k++)
        {
            if (!Is(i + k, words[k]))
            {
                return false;
            }
        }

        return true;
    }

    private int SkipComma(int i) => i < _end && _tokens[i].IsPunctuation && _tokens[i].Text == "," ? i + 1 : i;

    private bool AtBoundary(int i) => i >= _end || _tokens[i].IsPunctuation;
}
