using VoiceNote.Modules.AudioProcessing.Analysis.Text;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Time;

/// <summary>Times of day: clock times in digits or words, noon and midnight, parts of the day.</summary>
internal sealed partial class ExpressionReader
{
    /// <summary>
    /// A time of day at <paramref name="i"/>, optionally introduced by "at", "around", "by", "before".
    /// A bare number ("at 5") counts only after such a word; "5 pm", "5:30", "five o'clock" count alone.
    /// </summary>
    private bool TryTime(int i, bool prefixed, out TimeSpec time, out int next)
    {
        time = null!;
        next = i;
        if (W(i) is "at" or "around" or "about" or "by" or "before" or "until" or "till")
        {
            prefixed = true;
            i++;
        }
        else if (Seq(i, "no", "later", "than"))
        {
            prefixed = true;
            i += 3;
        }

        if (TryNoonOrMidnight(i, out time, out next))
        {
            return true;
        }

        if (TryPeriod(i, out var period, out var afterPeriod))
        {
            // "this afternoon at 3", "tonight at nine"
            var k = SkipComma(afterPeriod);
            if (TryClock(k, prefixed: false, out var clockAfter, out var afterClock) || (Is(k, "at") && TryClock(k + 1, prefixed: true, out clockAfter, out afterClock)))
            {
                (time, next) = (clockAfter.WithPeriod(period), afterClock);
                return true;
            }

            (time, next) = (period, afterPeriod);
            return true;
        }

        if (!TryClock(i, prefixed, out time, out next))
        {
            return false;
        }

        // "5 in the afternoon", "8 at night", "9 tomorrow morning" (the date part is read by the caller).
        if (TryPeriod(next, out var trailing, out var afterTrailing) || TryBarePeriodAfterClock(next, out trailing, out afterTrailing))
        {
            (time, next) = (time.WithPeriod(trailing), afterTrailing);
        }

        return true;
    }

    private bool TryNoonOrMidnight(int i, out TimeSpec time, out int next)
    {
        time = null!;
        next = i;
        var j = Is(i, "twelve") || (i < _end && _tokens[i].Text == "12") ? i + 1 : i;
        if (W(j) is "noon" or "midday" or "mid-day")
        {
            (time, next) = (TimeSpec.Clock(12, 0, Meridiem.Pm, 0.95), j + 1);
            return true;
        }

        if (W(j) is "midnight")
        {
            (time, next) = (TimeSpec.Clock(TimeSpec.MidnightHour, 0, Meridiem.Exact, 0.9), j + 1);
            return true;
        }

        if (Is(i, "lunchtime") || Seq(i, "lunch", "time"))
        {
            (time, next) = (TimeSpec.Clock(12, 0, Meridiem.Pm, 0.6), i + (Is(i, "lunch") ? 2 : 1));
            return true;
        }

        return false;
    }

    /// <summary>"this morning", "this afternoon", "tonight", "in the evening", "at night", "later tonight".</summary>
    private bool TryPeriod(int i, out TimeSpec period, out int next)
    {
        period = null!;
        next = i;
        if (W(i) is "tonight" or "tonite")
        {
            (period, next) = (TimeSpec.OfPeriod(DayPeriod.Night, impliesToday: true, 0.85), i + 1);
            return true;
        }

        if (Is(i, "later") && W(i + 1) is "tonight" or "tonite")
        {
            (period, next) = (TimeSpec.OfPeriod(DayPeriod.Night, impliesToday: true, 0.85), i + 2);
            return true;
        }

        if ((Is(i, "this") || Seq(i, "later", "this")) && TryPeriodWord(i + (Is(i, "later") ? 2 : 1), out var part) && part != DayPeriod.Night)
        {
            (period, next) = (TimeSpec.OfPeriod(part, impliesToday: true, 0.85), i + (Is(i, "later") ? 3 : 2));
            return true;
        }

        if (Seq(i, "in", "the") && TryPeriodWord(i + 2, out part) && part != DayPeriod.Night)
        {
            (period, next) = (TimeSpec.OfPeriod(part, impliesToday: false, 0.75), i + 3);
            return true;
        }

        if (Seq(i, "at", "night"))
        {
            (period, next) = (TimeSpec.OfPeriod(DayPeriod.Night, impliesToday: false, 0.75), i + 2);
            return true;
        }

        return false;
    }

    /// <summary>A part of the day right after a date: "tomorrow morning", "friday afternoon".</summary>
    private bool TryBarePeriod(int i, out TimeSpec period, out int next)
    {
        period = null!;
        next = i;
        if (TryPeriodWord(i, out var part) && W(i) is not ("tonight" or "tonite"))
        {
            (period, next) = (TimeSpec.OfPeriod(part, impliesToday: false, 0.85), i + 1);
            return true;
        }

        return TryPeriod(i, out period, out next);
    }

    /// <summary>"9 tomorrow morning": the period after a clock that is followed by a date is read later.</summary>
    private bool TryBarePeriodAfterClock(int i, out TimeSpec period, out int next)
    {
        period = null!;
        next = i;
        if (TryPeriodWord(i, out var part) && W(i) is not ("tonight" or "tonite"))
        {
            (period, next) = (TimeSpec.OfPeriod(part, impliesToday: false, 0.85), i + 1);
            return true;
        }

        return false;
    }

    private bool TryPeriodWord(int i, out DayPeriod period)
    {
        period = DayPeriod.None;
        return W(i) is { } word && TimeWords.Periods.TryGetValue(word, out period);
    }

    /// <summary>"5", "5 pm", "5:30", "five thirty pm", "five o'clock", "half past five", "quarter to six", "17:00".</summary>
    private bool TryClock(int i, bool prefixed, out TimeSpec time, out int next)
    {
        time = null!;
        next = i;
        if (i >= _end)
        {
            return false;
        }

        if (TryPastOrTo(i, prefixed, out time, out next))
        {
            return true;
        }

        int hour;
        var minute = 0;
        var explicitClock = false;
        var exact = false;
        int j;
        var token = _tokens[i];
        if (token.Kind == TokenKind.Clock)
        {
            var parts = token.Text.Split(':', '.');
            hour = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            minute = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);

            // "5.30" is a time only where a time is expected ("at 5.30", "5.30 pm"); alone it may be a price.
            explicitClock = !token.Text.Contains('.', StringComparison.Ordinal);
            exact = parts[0].Length == 2 && parts[0][0] == '0';
            j = i + 1;
        }
        else if (NumberWords.TryCardinal(_tokens, i, _end, out hour, out j))
        {
            if (TryMinutes(j, out var spokenMinutes, out var afterMinutes))
            {
                minute = spokenMinutes;
                j = afterMinutes;
            }
        }
        else
        {
            return false;
        }

        if (hour > 24 || minute > 59 || (hour == 24 && minute > 0))
        {
            return false;
        }

        var meridiem = Meridiem.None;
        if (W(j) is "o'clock" || Seq(j, "o", "clock"))
        {
            j += Is(j, "o") ? 2 : 1;
            explicitClock = true;
        }

        if (W(j) is "am" or "pm" && hour is >= 1 and <= 12)
        {
            meridiem = W(j) == "am" ? Meridiem.Am : Meridiem.Pm;
            j++;
            explicitClock = true;
        }
        else if (W(j) is "am" or "pm")
        {
            return false;
        }

        if (hour >= 13 || hour == 0 || exact)
        {
            meridiem = Meridiem.Exact;
        }

        if (!explicitClock && !(prefixed && (AtBoundary(j) || TimeWords.AfterBareHour.Contains(W(j) ?? string.Empty))))
        {
            return false;
        }

        var confidence = meridiem is Meridiem.Am or Meridiem.Pm or Meridiem.Exact ? 0.95 : hour is >= 7 and <= 9 ? 0.7 : 0.8;
        (time, next) = (TimeSpec.Clock(hour, minute, meridiem, confidence), j);
        return true;
    }

    /// <summary>Spoken minutes after an hour: "thirty", "forty five", "oh five", or two digits ("5 30").</summary>
    private bool TryMinutes(int i, out int minutes, out int next)
    {
        minutes = 0;
        next = i;
        if (W(i) is "oh" or "o" && NumberWords.TryCardinal(_tokens, i + 1, _end, out var single, out var afterSingle) && single is >= 1 and <= 9 && _tokens[i + 1].IsWord)
        {
            (minutes, next) = (single, afterSingle);
            return true;
        }

        if (i < _end && _tokens[i].Kind == TokenKind.Number && _tokens[i].Text.Length == 2 && NumberWords.TryCardinal(_tokens, i, _end, out var digits, out var afterDigits) && digits <= 59)
        {
            (minutes, next) = (digits, afterDigits);
            return true;
        }

        if (i < _end && _tokens[i].IsWord && NumberWords.TryCardinal(_tokens, i, _end, out var words, out var afterWords) && words is >= 10 and <= 59)
        {
            (minutes, next) = (words, afterWords);
            return true;
        }

        return false;
    }

    /// <summary>"half past five", "quarter past 5", "quarter to six", "twenty past five".</summary>
    private bool TryPastOrTo(int i, bool prefixed, out TimeSpec time, out int next)
    {
        time = null!;
        next = i;
        int offset;
        int j;
        if (Is(i, "half") && Is(i + 1, "past"))
        {
            (offset, j) = (30, i + 1);
        }
        else if ((Is(i, "quarter") || Seq(i, "a", "quarter")) && W(i + (Is(i, "a") ? 2 : 1)) is "past" or "to" or "after")
        {
            j = i + (Is(i, "a") ? 2 : 1);
            offset = Is(j, "to") ? -15 : 15;
        }
        else if (prefixed && NumberWords.TryCardinal(_tokens, i, _end, out var minutes, out var afterMinutes) && minutes is > 0 and < 30
            && (W(afterMinutes) is "past" or "to" || (Is(afterMinutes, "minutes") && W(afterMinutes + 1) is "past" or "to")))
        {
            j = Is(afterMinutes, "minutes") ? afterMinutes + 1 : afterMinutes;
            offset = Is(j, "to") ? -minutes : minutes;
        }
        else
        {
            return false;
        }

        if (!NumberWords.TryCardinal(_tokens, j + 1, _end, out var hour, out var afterHour) || hour is < 1 or > 12)
        {
            return false;
        }

        var total = (hour * 60) + offset;
        var meridiem = Meridiem.None;
        if (W(afterHour) is "am" or "pm")
        {
            meridiem = W(afterHour) == "am" ? Meridiem.Am : Meridiem.Pm;
            afterHour++;
        }

        (time, next) = (TimeSpec.Clock(total / 60, total % 60, meridiem, meridiem == Meridiem.None ? 0.8 : 0.95), afterHour);
        return true;
    }
}
