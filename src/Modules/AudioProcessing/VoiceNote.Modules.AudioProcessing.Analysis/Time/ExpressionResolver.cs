namespace VoiceNote.Modules.AudioProcessing.Analysis.Time;

/// <summary>
/// Turns a recognised expression into an instant: every candidate date (in preference order) is tried
/// with every reading of the time (in preference order) and the first instant still ahead of the
/// recording wins. When none is ahead the expression names the past ("yesterday", "this morning" said
/// in the afternoon): the first candidate is kept and marked as past.
/// </summary>
internal static class ExpressionResolver
{
    public static (DateTimeOffset Instant, bool IsPast, bool NamesPast, double Confidence)? Resolve(ParsedExpression parsed, TimeContext context)
    {
        if (parsed.Elapsed is TimeSpan elapsed)
        {
            var instant = context.RecordedAt + elapsed;
            return (instant, instant < context.RecordedAt, instant < context.RecordedAt, parsed.Confidence);
        }

        var dates = parsed.Date?.Candidates(context)
            ?? (parsed.Time is { ImpliesToday: true } ? [context.Today] : [context.Today, context.Today.AddDays(1)]);
        if (dates.Count == 0)
        {
            return null;
        }

        var readings = parsed.Time?.Readings(parsed.By) ?? DefaultReadings(parsed.Date!, parsed.By, context.Schedule);
        foreach (var date in dates)
        {
            foreach (var reading in readings)
            {
                var instant = context.At(date, reading);
                if (instant > context.RecordedAt)
                {
                    return (instant, false, false, parsed.Confidence);
                }
            }
        }

        // Nothing ahead: the words name a past moment. Said on purpose ("yesterday", "last week") it is
        // as certain as any other; otherwise ("this morning" in the afternoon) it is a weak deadline.
        var past = context.At(dates[0], readings[0]);
        var namesPast = parsed.Date?.NamesPast == true;
        return (past, true, namesPast, namesPast ? parsed.Confidence : parsed.Confidence * 0.5);
    }

    private static IReadOnlyList<TimeSpan> DefaultReadings(DateSpec date, bool by, WorkSchedule schedule) => date.Default switch
    {
        DefaultTime.WorkStart => [schedule.Start],
        DefaultTime.WorkEnd => [schedule.End],
        DefaultTime.RestOfToday => [schedule.End, new TimeSpan(23, 59, 0)],
        _ => by ? [schedule.End] : [schedule.Start],
    };
}
