using VoiceNote.Modules.AudioProcessing.Analysis.Text;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Time;

/// <summary>Durations: "in two hours", "within 30 minutes", "in a week", "three days from now", "two days ago".</summary>
internal sealed partial class ExpressionReader
{
    private bool TryDuration(int i, out ParsedExpression parsed, out int next)
    {
        parsed = null!;
        next = i;
        var j = i;
        var by = false;
        var introduced = false;
        if (W(j) is "in" or "within")
        {
            by = W(j) == "within";
            introduced = true;
            j++;
            if (Is(j, "the") && Is(j + 1, "next"))
            {
                j += 2;
            }
            else if (Is(j, "the") && TimeWords.Units.ContainsKey(W(j + 1) ?? string.Empty))
            {
                // "within the hour"
                j++;
                if (!TryUnit(j, out var soleUnit, out var afterSole))
                {
                    return false;
                }

                return Build(i, 1, soleUnit, afterSole, by, past: false, out parsed, out next);
            }
        }

        if (!TryAmount(j, out var amount, out var afterAmount) || !TryUnit(afterAmount, out var unit, out var afterUnit))
        {
            return false;
        }

        if (Seq(afterUnit, "and", "a", "half"))
        {
            amount += 0.5;
            afterUnit += 3;
        }

        if (introduced)
        {
            if (Seq(afterUnit, "from", "now"))
            {
                afterUnit += 2;
            }

            return Build(i, amount, unit, afterUnit, by, past: false, out parsed, out next);
        }

        if (Seq(afterUnit, "from", "now") || Seq(afterUnit, "from", "today"))
        {
            return Build(i, amount, unit, afterUnit + 2, by, past: false, out parsed, out next);
        }

        if (Is(afterUnit, "ago"))
        {
            return Build(i, -amount, unit, afterUnit + 1, by, past: true, out parsed, out next);
        }

        return false;
    }

    private bool Build(int first, double amount, DurationUnit unit, int next, bool by, bool past, out ParsedExpression parsed, out int afterExpression)
    {
        afterExpression = next;
        var whole = Math.Abs(amount - Math.Round(amount)) < 0.01;
        parsed = unit switch
        {
            DurationUnit.Minute => Elapsed(TimeSpan.FromMinutes(amount)),
            DurationUnit.Hour => Elapsed(TimeSpan.FromHours(amount)),
            DurationUnit.Day when whole => Dated(DateSpecs.DaysFromToday((int)Math.Round(amount), "days", 0.9)),
            DurationUnit.Day => Elapsed(TimeSpan.FromDays(amount)),
            DurationUnit.Week => Dated(DateSpecs.DaysFromToday((int)Math.Round(amount * 7), "weeks", 0.85)),
            DurationUnit.Fortnight => Dated(DateSpecs.DaysFromToday((int)Math.Round(amount * 14), "weeks", 0.85)),
            DurationUnit.Month when whole => Dated(DateSpecs.MonthsFromToday((int)Math.Round(amount))),
            DurationUnit.Month => Dated(DateSpecs.DaysFromToday((int)Math.Round(amount * 30), "days", 0.7)),
            _ => Dated(DateSpecs.MonthsFromToday((int)Math.Round(amount * 12), 0.8)),
        };
        return true;

        ParsedExpression Elapsed(TimeSpan span) => new(first, next - 1, null, null, span, by);

        ParsedExpression Dated(DateSpec date) => new(first, next - 1, past ? date with { NamesPast = true } : date, null, null, by);
    }

    /// <summary>"2", "two", "a", "an", "one and a half", "half an", "a couple of", "a few".</summary>
    private bool TryAmount(int i, out double amount, out int next)
    {
        amount = 0;
        next = i;
        if (Seq(i, "a", "couple", "of") || Seq(i, "couple", "of"))
        {
            (amount, next) = (2, i + (Is(i, "a") ? 3 : 2));
            return true;
        }

        if (Seq(i, "a", "few") || Seq(i, "a", "couple"))
        {
            (amount, next) = (Is(i + 1, "few") ? 3 : 2, i + 2);
            return true;
        }

        if (Is(i, "half") && W(i + 1) is "an" or "a")
        {
            (amount, next) = (0.5, i + 2);
            return true;
        }

        if (W(i) is "a" or "an")
        {
            (amount, next) = (1, i + 1);
            return true;
        }

        if (NumberWords.TryCardinal(_tokens, i, _end, out var value, out next) && value is > 0 and <= 1000)
        {
            amount = value;
            if (Seq(next, "and", "a", "half") && TimeWords.Units.ContainsKey(W(next + 3) ?? string.Empty))
            {
                amount += 0.5;
                next += 3;
            }

            return true;
        }

        return false;
    }

    private bool TryUnit(int i, out DurationUnit unit, out int next)
    {
        unit = DurationUnit.Minute;
        next = i + 1;
        return W(i) is { } word && TimeWords.Units.TryGetValue(word, out unit);
    }
}
