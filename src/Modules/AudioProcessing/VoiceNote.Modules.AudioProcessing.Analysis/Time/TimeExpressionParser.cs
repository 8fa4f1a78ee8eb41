using VoiceNote.Modules.AudioProcessing.Analysis.Text;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Time;

/// <summary>
/// Finds English deadline expressions in a phrase and resolves them to instants in the owner's time
/// zone, relative to when the note was recorded ("tomorrow at five pm", "by Friday", "in two hours",
/// "end of day", "on March 3rd"). The rules for ambiguous words are in docs/decisions/0030.
/// </summary>
internal sealed class TimeExpressionParser
{
    /// <summary>The best deadline in <paramref name="text"/>, or null when it names none.</summary>
    public TimeExpression? Find(string text, DateTimeOffset recordedAt, string? timeZoneId, WorkSchedule? schedule = null)
    {
        var tokens = TokenizedText.Of(text);
        return Find(tokens, 0, tokens.Count, new TimeContext(recordedAt, ZoneClock.Resolve(timeZoneId), schedule));
    }

    /// <summary>
    /// The best deadline between two token indices (end exclusive): the longest expression naming a
    /// moment ahead (past ones only when there is nothing else), with a lone date and a lone clock
    /// time said apart in the same clause joined ("tomorrow I must call her at five" is tomorrow 17:00).
    /// </summary>
    public TimeExpression? Find(TokenizedText text, int from, int to, TimeContext context)
    {
        var found = Scan(text, from, to);
        if (found.Count == 0)
        {
            return null;
        }

        // "forward the email from last monday by friday": a deadline ahead beats words about the past.
        var ahead = found.Where(p => p.Date?.NamesPast != true && !(p.Elapsed < TimeSpan.Zero)).ToList();
        var pool = ahead.Count > 0 ? ahead : found;
        var best = pool.OrderByDescending(p => p.TokenCount).ThenBy(p => p.First).First();
        var partner = best.Elapsed is null && (best.Date is null ^ best.Time is null)
            ? pool.FirstOrDefault(p => p != best && p.Elapsed is null && (p.Date is null ^ p.Time is null) && (p.Date is null) != (best.Date is null))
            : null;
        if (partner is not null)
        {
            var merged = best with { Date = best.Date ?? partner.Date, Time = best.Time ?? partner.Time, By = best.By || partner.By };
            var ordered = best.First < partner.First ? new[] { best, partner } : [partner, best];
            return Build(text, merged, ordered, context);
        }

        return Build(text, best, [best], context);
    }

    /// <summary>Every expression between two token indices, left to right, not overlapping.</summary>
    public IReadOnlyList<TimeExpression> FindAll(TokenizedText text, int from, int to, TimeContext context) =>
        Scan(text, from, to).Select(p => Build(text, p, [p], context)).OfType<TimeExpression>().ToList();

    private static List<ParsedExpression> Scan(TokenizedText text, int from, int to)
    {
        var reader = new ExpressionReader(text.Tokens, to);
        var found = new List<ParsedExpression>();
        var i = from;
        while (i < to)
        {
            var parsed = reader.TryRead(i);
            if (parsed is not null && parsed.Last >= parsed.First)
            {
                found.Add(parsed);
                i = parsed.Last + 1;
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    private static TimeExpression? Build(TokenizedText text, ParsedExpression parsed, IReadOnlyList<ParsedExpression> parts, TimeContext context)
    {
        var resolved = ExpressionResolver.Resolve(parsed, context);
        if (resolved is not { } value)
        {
            return null;
        }

        var spans = parts.Select(p => new TextSpan(text[p.First].Start, text[p.Last].End - text[p.First].Start)).ToList();
        var words = string.Join(" ", parts.Select(p => text.Surface(p.First, p.Last)));
        return new TimeExpression(
            TimeZoneInfo.ConvertTime(value.Instant, context.Zone),
            ZoneClock.ToLocal(value.Instant, context.Zone),
            words,
            spans,
            Math.Round(value.Confidence, 2),
            parsed.Time is { IsClock: true } || parsed.Elapsed is not null,
            value.IsPast,
            value.NamesPast);
    }
}
