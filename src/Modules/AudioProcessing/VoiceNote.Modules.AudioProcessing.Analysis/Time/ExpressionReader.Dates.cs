using System.Globalization;
using VoiceNote.Modules.AudioProcessing.Analysis.Text;

namespace VoiceNote.Modules.AudioProcessing.Analysis.Time;

/// <summary>Dates in words: relative days, weekdays, weeks, months, calendar dates, ISO dates.</summary>
internal sealed partial class ExpressionReader
{
    private bool TryDate(int i, bool afterPreposition, out DateSpec date, out TimeSpec? time, out int next)
    {
        time = null;
        date = null!;
        next = i;
        if (i >= _end)
        {
            return false;
        }

        if (_tokens[i].Kind == TokenKind.IsoDate)
        {
            return TryIsoDate(i, out date, out time, out next);
        }

        return TryRelativeDay(i, out date, out next)
            || TryEndOf(i, out date, out next)
            || TryWeekOrMonth(i, out date, out next)
            || TryWeekday(i, afterPreposition, out date, out next)
            || TryCalendarDate(i, afterPreposition, out date, out next);
    }

    private bool TryIsoDate(int i, out DateSpec date, out TimeSpec? time, out int next)
    {
        date = null!;
        time = null;
        next = i + 1;
        var parts = _tokens[i].Text.Split(' ');
        if (!DateOnly.TryParseExact(parts[0], ["yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return false;
        }

        date = DateSpecs.Absolute(value);
        if (parts.Length == 2 && TimeOnly.TryParseExact(parts[1], ["H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            time = TimeSpec.Clock(clock.Hour, clock.Minute, Meridiem.Exact, 0.98);
        }

        return true;
    }

    private bool TryRelativeDay(int i, out DateSpec date, out int next)
    {
        date = null!;
        next = i;
        var j = Is(i, "the") ? i + 1 : i;
        if (Seq(j, "day", "after", "tomorrow"))
        {
            (date, next) = (DateSpecs.DaysFromToday(2, "day-after-tomorrow"), j + 3);
            return true;
        }

        if (Seq(j, "day", "before", "yesterday"))
        {
            (date, next) = (DateSpecs.DaysFromToday(-2, "day-before-yesterday"), j + 3);
            return true;
        }

        if (Is(i, "overmorrow"))
        {
            (date, next) = (DateSpecs.DaysFromToday(2, "day-after-tomorrow"), i + 1);
            return true;
        }

        if (W(i) is "tomorrow" or "tomorrows" or "tomorrow's" or "tmrw" or "tmr" or "tomorow")
        {
            (date, next) = (DateSpecs.DaysFromToday(1, "tomorrow", 0.95), i + 1);
            return true;
        }

        if (Is(i, "yesterday"))
        {
            (date, next) = (DateSpecs.DaysFromToday(-1, "yesterday", 0.95), i + 1);
            return true;
        }

        if (Seq(i, "later", "today") || Seq(i, "sometime", "today") || Seq(i, "some", "time", "today"))
        {
            (date, next) = (DateSpecs.Today(), i + (Is(i, "some") ? 3 : 2));
            return true;
        }

        if (Is(i, "today") || Is(i, "today's"))
        {
            (date, next) = (DateSpecs.Today(), i + 1);
            return true;
        }

        return false;
    }

    /// <summary>"end of (the) day", "EOD", "close of business", "end of the week", "end of next month" …</summary>
    private bool TryEndOf(int i, out DateSpec date, out int next)
    {
        date = null!;
        next = i;
        if (W(i) is "eod" or "cob" or "eob")
        {
            (date, next) = (DateSpecs.EndOfDay(), i + 1);
            return true;
        }

        if ((Seq(i, "e", "o", "d") || Seq(i, "c", "o", "b")) && AtBoundaryOrWord(i + 3))
        {
            (date, next) = (DateSpecs.EndOfDay(), i + 3);
            return true;
        }

        var j = Is(i, "the") ? i + 1 : i;
        if (!(W(j) is "end" or "close" && Is(j + 1, "of")))
        {
            return false;
        }

        j += 2;
        var modifier = W(j) is "the" or "this" or "today's" or "next" ? W(j) : null;
        if (modifier is not null)
        {
            j++;
        }

        var what = W(j);
        if (what is "business" or "play" or "today" or "workday" or "day" || (what is "work" or "working" or "business" && Is(j + 1, "day")))
        {
            var words = what is "work" or "working" || (what == "business" && Is(j + 1, "day")) ? 2 : 1;
            (date, next) = (DateSpecs.EndOfDay(), j + words);
            return modifier is null or "the" or "this" or "today's";
        }

        if (what is "week")
        {
            (date, next) = (DateSpecs.EndOfWeek(modifier == "next" ? 1 : 0), j + 1);
            return true;
        }

        if (what is not null && TimeWords.Months.TryGetValue(what, out var namedMonth) && modifier is null)
        {
            (date, next) = (DateSpecs.EndOfNamedMonth(namedMonth), j + 1);
            return true;
        }

        if (what is "month")
        {
            (date, next) = (DateSpecs.EndOfMonth(modifier == "next" ? 1 : 0), j + 1);
            return true;
        }

        return false;
    }

    /// <summary>"next week", "this week", "next weekend", "next month", "last week" …</summary>
    private bool TryWeekOrMonth(int i, out DateSpec date, out int next)
    {
        date = null!;
        next = i;
        var j = i;
        if (W(j) is "early" or "beginning" or "start")
        {
            j += W(j) == "early" ? 1 : Is(j + 1, "of") ? 2 : 1;
        }

        if (Is(j, "over") && Is(j + 1, "the"))
        {
            j += 1;
        }

        var modifier = W(j);
        var unit = W(j + 1);
        if (modifier is "next" or "the" && unit == "following")
        {
            modifier = "next";
            j++;
            unit = W(j + 1);
        }

        switch (modifier, unit)
        {
            case ("next", "week"):
                if (Is(j + 2, "on") ? TimeWords.Weekdays.TryGetValue(W(j + 3) ?? string.Empty, out var onDay) : TimeWords.Weekdays.TryGetValue(W(j + 2) ?? string.Empty, out onDay))
                {
                    (date, next) = (DateSpecs.NextWeekday(onDay), j + (Is(j + 2, "on") ? 4 : 3));
                    return true;
                }

                (date, next) = (DateSpecs.NextWeek(), j + 2);
                return true;
            case ("this", "week"):
                (date, next) = (DateSpecs.EndOfWeek(0, 0.6), j + 2);
                return true;
            case ("last", "week"):
                (date, next) = (DateSpecs.LastWeek(), j + 2);
                return true;
            case ("next", "weekend"):
                (date, next) = (DateSpecs.Weekend(next: true), j + 2);
                return true;
            case ("this" or "the", "weekend"):
                (date, next) = (DateSpecs.Weekend(next: false), j + 2);
                return true;
            case ("next", "month"):
                (date, next) = (DateSpecs.NextMonth(), j + 2);
                return true;
            case ("last", "month"):
                (date, next) = (DateSpecs.LastMonth(), j + 2);
                return true;
            default:
                if (Seq(i, "later", "this", "week"))
                {
                    (date, next) = (DateSpecs.EndOfWeek(0, 0.6), i + 3);
                    return true;
                }

                if (Is(i, "weekend"))
                {
                    (date, next) = (DateSpecs.Weekend(next: false), i + 1);
                    return true;
                }

                return false;
        }
    }

    /// <summary>"Monday", "this Monday", "next Monday", "last Monday", "the coming Monday", "Monday next week".</summary>
    private bool TryWeekday(int i, bool afterPreposition, out DateSpec date, out int next)
    {
        date = null!;
        next = i;
        var j = i;
        var mode = "coming";
        if (Is(j, "the") && W(j + 1) is "coming" or "following" or "next")
        {
            j++;
        }

        if (W(j) is "this" or "next" or "last" or "coming" or "upcoming" or "following" or "past")
        {
            mode = W(j) switch
            {
                "next" or "following" => "next",
                "last" or "past" => "last",
                _ => "coming",
            };
            j++;
            if (Is(j, "coming"))
            {
                j++;
            }
        }

        // "monday's meeting" names Monday too.
        var word = W(j) is { } raw && raw.EndsWith("'s", StringComparison.Ordinal) ? raw[..^2] : W(j);
        if (word is null || !TimeWords.Weekdays.TryGetValue(word, out var day))
        {
            return false;
        }

        // "sat", "sun", "wed" … are weekdays only after "on", "by", "next", "this" …
        if (word.Length <= 4 && !word.EndsWith("day", StringComparison.Ordinal) && j == i && !afterPreposition)
        {
            return false;
        }

        next = j + 1;
        if (mode == "coming" && Seq(next, "next", "week"))
        {
            mode = "next";
            next += 2;
        }
        else if (mode == "coming" && Seq(next, "this", "week"))
        {
            next += 2;
        }

        date = mode switch
        {
            "next" => DateSpecs.NextWeekday(day),
            "last" => DateSpecs.LastWeekday(day),
            _ => DateSpecs.ComingWeekday(day),
        };
        return true;
    }

    /// <summary>"March 3rd", "march the third", "3rd of March", "3 March 2027", "on the 5th".</summary>
    private bool TryCalendarDate(int i, bool afterPreposition, out DateSpec date, out int next)
    {
        var monthOnlyAllowed = afterPreposition || (i > 0 && _tokens[i - 1].IsWord && _tokens[i - 1].Text is "in" or "during" or "until" or "before" or "by");
        date = null!;
        next = i;
        var j = Is(i, "the") ? i + 1 : i;

        // Month first: "march 3rd", "march the 3rd", "march 3", "march third 2027".
        if (W(j) is { } monthWord && TimeWords.Months.TryGetValue(monthWord, out var month))
        {
            var k = Is(j + 1, "the") ? j + 2 : j + 1;
            if (TryDayNumber(k, allowCardinal: true, out var day, out var afterDay))
            {
                (date, next) = WithYear(month, day, afterDay);
                return date is not null;
            }

            // "in january", "by march": a month alone needs a preposition ("may" and "march" are words too).
            if (monthOnlyAllowed && j == i && !(k < _end && _tokens[k].Kind is TokenKind.Number or TokenKind.Ordinal))
            {
                (date, next) = (DateSpecs.Month(month), j + 1);
                return true;
            }

            return false;
        }

        // Day first: "3rd of march", "the third of march", "3 march".
        if (TryDayNumber(j, allowCardinal: true, out var dayFirst, out var afterDayFirst))
        {
            var k = Is(afterDayFirst, "of") ? afterDayFirst + 1 : afterDayFirst;
            if (W(k) is { } m && TimeWords.Months.TryGetValue(m, out var monthAfter))
            {
                (date, next) = WithYear(monthAfter, dayFirst, k + 1);
                return date is not null;
            }

            // "on the 5th": a bare ordinal needs "on"/"by" and "the" (or a digit ordinal) to be a date.
            if (afterPreposition && (j > i || _tokens[j].Kind == TokenKind.Ordinal) && NumberWords.TryOrdinal(_tokens, j, _end, out var ordinal, out var afterOrdinal) && ordinal is >= 1 and <= 31)
            {
                (date, next) = (DateSpecs.DayOfMonth(ordinal), afterOrdinal);
                return true;
            }
        }

        return false;
    }

    private (DateSpec Date, int Next) WithYear(int month, int day, int afterDay)
    {
        var k = SkipComma(afterDay);
        if (k < _end && _tokens[k].Kind == TokenKind.Number && _tokens[k].Text.Length == 4)
        {
            var year = int.Parse(_tokens[k].Text, NumberStyles.None, CultureInfo.InvariantCulture);
            return (DateSpecs.MonthDay(month, day, year), k + 1);
        }

        return (DateSpecs.MonthDay(month, day, null), afterDay);
    }

    private bool TryDayNumber(int i, bool allowCardinal, out int day, out int next)
    {
        if (NumberWords.TryOrdinal(_tokens, i, _end, out day, out next) && day is >= 1 and <= 31)
        {
            return true;
        }

        if (allowCardinal && i < _end && _tokens[i].Kind == TokenKind.Number && NumberWords.TryCardinal(_tokens, i, _end, out day, out next) && day is >= 1 and <= 31)
        {
            return true;
        }

        // Spoken cardinals ("march three") only for the month-first form's caller, which checks a month came first.
        if (allowCardinal && i < _end && _tokens[i].IsWord && i > 0 && _tokens[i - 1].IsWord && TimeWords.Months.ContainsKey(_tokens[i - 1].Text)
            && NumberWords.TryCardinal(_tokens, i, _end, out day, out next) && day is >= 1 and <= 31)
        {
            return true;
        }

        day = 0;
        next = i;
        return false;
    }

    private bool AtBoundaryOrWord(int i) => i >= _end || _tokens[i].IsPunctuation || _tokens[i].IsWord;
}
