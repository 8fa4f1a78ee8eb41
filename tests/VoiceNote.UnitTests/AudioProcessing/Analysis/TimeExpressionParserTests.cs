using System.Globalization;
using VoiceNote.Modules.AudioProcessing.Analysis.Time;

namespace VoiceNote.UnitTests.AudioProcessing.Analysis;

/// <summary>
/// The time-expression parser on a table of spoken and typed phrasings. Unless a row says otherwise
/// the note was recorded on Friday 2026-11-20 at 14:00 in Europe/Berlin (UTC+1), work 9–17 Mon–Fri.
/// Expected values are wall-clock times in the same zone.
/// </summary>
[TestFixture]
internal sealed class TimeExpressionParserTests
{
    private const string Berlin = "Europe/Berlin";
    private const string NewYork = "America/New_York";
    private static readonly DateTimeOffset FridayAfternoon = new(2026, 11, 20, 14, 0, 0, TimeSpan.FromHours(1));
    private readonly TimeExpressionParser _parser = new();

    [TestCase("tomorrow at five pm", "2026-11-21 17:00")]
    [TestCase("tomorrow at 5", "2026-11-21 17:00")]
    [TestCase("tomorrow at 5 p.m.", "2026-11-21 17:00")]
    [TestCase("tomorrow at 5pm", "2026-11-21 17:00")]
    [TestCase("tomorrow at five p m", "2026-11-21 17:00")]
    [TestCase("at 5:30 pm", "2026-11-20 17:30")]
    [TestCase("five thirty pm", "2026-11-20 17:30")]
    [TestCase("at five thirty", "2026-11-20 17:30")]
    [TestCase("at 5", "2026-11-20 17:00")]
    [TestCase("at 8", "2026-11-20 20:00")]
    [TestCase("at 11", "2026-11-21 11:00")]
    [TestCase("at 17:00", "2026-11-20 17:00")]
    [TestCase("at 5.30", "2026-11-20 17:30")]
    [TestCase("by 5", "2026-11-20 17:00")]
    [TestCase("at noon", "2026-11-21 12:00")]
    [TestCase("by midnight", "2026-11-21 00:00")]
    [TestCase("before noon tomorrow", "2026-11-21 12:00")]
    [TestCase("half past five", "2026-11-20 17:30")]
    [TestCase("at quarter to six", "2026-11-20 17:45")]
    [TestCase("at five o'clock", "2026-11-20 17:00")]
    [TestCase("tonight", "2026-11-20 20:00")]
    [TestCase("tonight at nine", "2026-11-20 21:00")]
    [TestCase("this afternoon", "2026-11-20 17:00")]
    [TestCase("this evening", "2026-11-20 18:00")]
    [TestCase("tomorrow morning", "2026-11-21 09:00")]
    [TestCase("tomorrow evening at 8", "2026-11-21 20:00")]
    [TestCase("at 8 tomorrow morning", "2026-11-21 08:00")]
    [TestCase("in the morning", "2026-11-21 09:00")]
    [TestCase("today", "2026-11-20 17:00")]
    [TestCase("later today", "2026-11-20 17:00")]
    [TestCase("the day after tomorrow", "2026-11-22 09:00")]
    [TestCase("day after tomorrow at 4", "2026-11-22 16:00")]
    [TestCase("next monday", "2026-11-23 09:00")]
    [TestCase("on monday", "2026-11-23 09:00")]
    [TestCase("monday", "2026-11-23 09:00")]
    [TestCase("on monday at 10 am", "2026-11-23 10:00")]
    [TestCase("next friday", "2026-11-27 09:00")]
    [TestCase("friday at 3 pm", "2026-11-20 15:00")]
    [TestCase("by friday", "2026-11-20 17:00")]
    [TestCase("by thursday", "2026-11-26 17:00")]
    [TestCase("by next wednesday", "2026-11-25 17:00")]
    [TestCase("monday next week", "2026-11-23 09:00")]
    [TestCase("on tues", "2026-11-24 09:00")]
    [TestCase("end of day", "2026-11-20 17:00")]
    [TestCase("EOD", "2026-11-20 17:00")]
    [TestCase("by end of day", "2026-11-20 17:00")]
    [TestCase("by the end of the day", "2026-11-20 17:00")]
    [TestCase("close of business", "2026-11-20 17:00")]
    [TestCase("end of the week", "2026-11-20 17:00")]
    [TestCase("by the end of next week", "2026-11-27 17:00")]
    [TestCase("next week", "2026-11-23 09:00")]
    [TestCase("this weekend", "2026-11-21 09:00")]
    [TestCase("end of the month", "2026-11-30 17:00")]
    [TestCase("next month", "2026-12-01 09:00")]
    [TestCase("in two hours", "2026-11-20 16:00")]
    [TestCase("in 30 minutes", "2026-11-20 14:30")]
    [TestCase("in half an hour", "2026-11-20 14:30")]
    [TestCase("in an hour and a half", "2026-11-20 15:30")]
    [TestCase("in twenty five minutes", "2026-11-20 14:25")]
    [TestCase("in 3 days", "2026-11-23 09:00")]
    [TestCase("in three days", "2026-11-23 09:00")]
    [TestCase("three days from now", "2026-11-23 09:00")]
    [TestCase("within two days", "2026-11-22 17:00")]
    [TestCase("in a week", "2026-11-27 09:00")]
    [TestCase("in a couple of weeks", "2026-12-04 09:00")]
    [TestCase("on march 3rd", "2027-03-03 09:00")]
    [TestCase("march 3", "2027-03-03 09:00")]
    [TestCase("march third", "2027-03-03 09:00")]
    [TestCase("3rd of march", "2027-03-03 09:00")]
    [TestCase("the third of march at 2 pm", "2027-03-03 14:00")]
    [TestCase("by march 3rd", "2027-03-03 17:00")]
    [TestCase("on december 24th at 6 pm", "2026-12-24 18:00")]
    [TestCase("on the twenty third of december", "2026-12-23 09:00")]
    [TestCase("on the 5th", "2026-12-05 09:00")]
    [TestCase("on the 25th", "2026-11-25 09:00")]
    [TestCase("december 1 2027", "2027-12-01 09:00")]
    [TestCase("2026-12-01", "2026-12-01 09:00")]
    [TestCase("2026-12-01T17:30", "2026-12-01 17:30")]
    [TestCase("no later than thursday", "2026-11-26 17:00")]
    [TestCase("5pm tomorrow", "2026-11-21 17:00")]
    [TestCase("at nine thirty a.m. tomorrow", "2026-11-21 09:30")]
    [TestCase("at 9 tonight", "2026-11-20 21:00")]
    [TestCase("by tonight", "2026-11-20 23:59")]
    [TestCase("within the hour", "2026-11-20 15:00")]
    [TestCase("in a few days", "2026-11-23 09:00")]
    [TestCase("at 3:45 pm on the 2nd of january 2027", "2027-01-02 15:45")]
    [TestCase("by january", "2027-01-01 17:00")]
    [TestCase("in may", "2027-05-03 09:00")]
    [TestCase("by the end of january", "2027-01-29 17:00")]
    [TestCase("for monday's review", "2026-11-23 09:00")]
    public void Resolves_a_deadline_phrase(string phrase, string expectedLocal)
    {
        var found = _parser.Find(phrase, FridayAfternoon, Berlin);

        Assert.That(found, Is.Not.Null, phrase);
        Assert.That(found!.Local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Is.EqualTo(expectedLocal), phrase);
        Assert.That(found.IsPast, Is.False);
        Assert.That(found.Confidence, Is.InRange(0.3, 1.0));
    }

    [TestCase("call the dentist tomorrow at five pm", "tomorrow at five pm")]
    [TestCase("send the report by friday please", "by friday")]
    [TestCase("remind me in two hours to stretch", "in two hours")]
    [TestCase("book flights on march 3rd okay", "on march 3rd")]
    public void Reports_the_words_it_matched(string sentence, string expectedText)
    {
        var found = _parser.Find(sentence, FridayAfternoon, Berlin);

        Assert.That(found, Is.Not.Null);
        Assert.That(found!.Text, Is.EqualTo(expectedText));
        Assert.That(sentence.Substring(found.Start, found.End - found.Start), Is.EqualTo(expectedText));
    }

    [Test]
    public void Joins_a_date_and_a_time_said_apart_in_one_clause()
    {
        var found = _parser.Find("tomorrow i need to call her at five", FridayAfternoon, Berlin);

        Assert.That(found, Is.Not.Null);
        Assert.That(found!.Local, Is.EqualTo(new DateTime(2026, 11, 21, 17, 0, 0)));
        Assert.That(found.Spans, Has.Count.EqualTo(2));
        Assert.That(found.Text, Is.EqualTo("tomorrow at five"));
    }

    [TestCase("yesterday", "2026-11-19 09:00")]
    [TestCase("last monday", "2026-11-16 09:00")]
    [TestCase("two days ago", "2026-11-18 09:00")]
    [TestCase("this morning", "2026-11-20 09:00")]
    public void Marks_expressions_that_name_the_past(string phrase, string expectedLocal)
    {
        var found = _parser.Find(phrase, FridayAfternoon, Berlin);

        Assert.That(found, Is.Not.Null);
        Assert.That(found!.IsPast, Is.True);
        Assert.That(found.Local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Is.EqualTo(expectedLocal));
    }

    [TestCase("buy five apples")]
    [TestCase("call john about 5 things")]
    [TestCase("the meeting was long")]
    [TestCase("i may come along")]
    [TestCase("i sat down with the team")]
    [TestCase("the price is 1.50")]
    [TestCase("meet at the office")]
    [TestCase("i have a second question")]
    [TestCase("we march on")]
    [TestCase("i may call")]
    [TestCase("page 5")]
    [TestCase("call 911")]
    [TestCase("at least 3 people")]
    [TestCase("i have 5 apples and 2 pears")]
    [TestCase("")]
    public void Finds_no_deadline_where_there_is_none(string phrase)
    {
        Assert.That(_parser.Find(phrase, FridayAfternoon, Berlin), Is.Null, phrase);
    }

    [Test]
    public void Crosses_the_autumn_change_in_new_york()
    {
        // Saturday 2026-10-31 10:00 EDT; clocks go back at 02:00 on Sunday 2026-11-01.
        var recorded = new DateTimeOffset(2026, 10, 31, 10, 0, 0, TimeSpan.FromHours(-4));

        var tomorrow = _parser.Find("tomorrow at five pm", recorded, NewYork);
        var inADay = _parser.Find("in 24 hours", recorded, NewYork);
        var twice = _parser.Find("tomorrow at 1:30 am", recorded, NewYork);

        Assert.That(tomorrow!.Instant, Is.EqualTo(new DateTimeOffset(2026, 11, 1, 17, 0, 0, TimeSpan.FromHours(-5))));
        Assert.That(tomorrow.Instant.UtcDateTime, Is.EqualTo(new DateTime(2026, 11, 1, 22, 0, 0, DateTimeKind.Utc)));
        Assert.That(inADay!.Local, Is.EqualTo(new DateTime(2026, 11, 1, 9, 0, 0)), "24 elapsed hours end at 09:00 local after the change");
        Assert.That(twice!.Instant, Is.EqualTo(new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-4))), "a repeated wall time means its first occurrence");
    }

    [Test]
    public void Crosses_the_spring_change_in_new_york()
    {
        // Saturday 2026-03-07 20:00 EST; 02:00–03:00 on Sunday 2026-03-08 does not exist.
        var recorded = new DateTimeOffset(2026, 3, 7, 20, 0, 0, TimeSpan.FromHours(-5));

        var missing = _parser.Find("tomorrow at 2:30 am", recorded, NewYork);
        var noon = _parser.Find("tomorrow at noon", recorded, NewYork);

        Assert.That(missing!.Instant, Is.EqualTo(new DateTimeOffset(2026, 3, 8, 3, 30, 0, TimeSpan.FromHours(-4))), "a missing wall time moves forward by the gap");
        Assert.That(noon!.Instant, Is.EqualTo(new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.FromHours(-4))));
    }

    [Test]
    public void Crosses_the_spring_change_in_berlin()
    {
        // Friday 2026-03-27 16:00 CET; Berlin moves to CEST on Sunday 2026-03-29.
        var recorded = new DateTimeOffset(2026, 3, 27, 16, 0, 0, TimeSpan.FromHours(1));

        var monday = _parser.Find("next monday at 9", recorded, Berlin);
        var sunday = _parser.Find("on sunday at 2:30 am", recorded, Berlin);

        Assert.That(monday!.Instant, Is.EqualTo(new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.FromHours(2))));
        Assert.That(sunday!.Instant, Is.EqualTo(new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2))));
    }

    [Test]
    public void Uses_the_owners_work_hours_and_week()
    {
        // Sunday–Thursday, 8–16: the week starts on Sunday and "by" means 16:00.
        var schedule = new WorkSchedule(8, 16, [1, 2, 3, 4, 5]);

        var nextWeek = _parser.Find("next week", FridayAfternoon, Berlin, schedule);
        var byTuesday = _parser.Find("by tuesday", FridayAfternoon, Berlin, schedule);
        var endOfDay = _parser.Find("end of day", FridayAfternoon, Berlin, schedule);

        Assert.That(nextWeek!.Local, Is.EqualTo(new DateTime(2026, 11, 22, 8, 0, 0)));
        Assert.That(byTuesday!.Local, Is.EqualTo(new DateTime(2026, 11, 24, 16, 0, 0)));
        Assert.That(endOfDay!.Local, Is.EqualTo(new DateTime(2026, 11, 20, 16, 0, 0)), "16:00 today is still ahead");
    }

    [Test]
    public void Moves_end_of_day_to_the_next_work_day_once_work_has_ended()
    {
        var evening = new DateTimeOffset(2026, 11, 20, 18, 30, 0, TimeSpan.FromHours(1));

        Assert.That(_parser.Find("by end of day", evening, Berlin)!.Local, Is.EqualTo(new DateTime(2026, 11, 23, 17, 0, 0)));
        Assert.That(_parser.Find("at 5", evening, Berlin)!.Local, Is.EqualTo(new DateTime(2026, 11, 21, 17, 0, 0)));
        Assert.That(_parser.Find("today", evening, Berlin)!.Local, Is.EqualTo(new DateTime(2026, 11, 20, 23, 59, 0)));
    }

    [Test]
    public void Unknown_time_zones_fall_back_to_utc()
    {
        var found = _parser.Find("tomorrow at 5 pm", FridayAfternoon, "Not/AZone");

        Assert.That(found!.Instant, Is.EqualTo(new DateTimeOffset(2026, 11, 21, 17, 0, 0, TimeSpan.Zero)));
    }
}
