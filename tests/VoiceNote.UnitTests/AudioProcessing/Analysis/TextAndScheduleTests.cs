using VoiceNote.Modules.AudioProcessing.Analysis.Text;
using VoiceNote.Modules.AudioProcessing.Analysis.Time;

namespace VoiceNote.UnitTests.AudioProcessing.Analysis;

[TestFixture]
internal sealed class TextAndScheduleTests
{
    [TestCase("5pm", "5|pm")]
    [TestCase("5 p.m.", "5|pm")]
    [TestCase("five p m", "five|pm")]
    [TestCase("at 5:30, ok", "at|5:30|,|ok")]
    [TestCase("Call Dr. Smith", "call|dr|.|smith")]
    [TestCase("on 2026-12-01", "on|2026-12-01")]
    [TestCase("the 3rd of March", "the|3rd|of|march")]
    [TestCase("don't forget o'clock", "don't|forget|o'clock")]
    [TestCase("E-mail twenty-five", "email|twenty-five")]
    [TestCase("i am almost at 8", "i|am|almost|at|8")]
    public void Tokenises_speech_and_typing_alike(string text, string expected)
    {
        var tokens = TokenizedText.Of(text).Tokens.Select(t => t.Text);

        Assert.That(string.Join("|", tokens), Is.EqualTo(expected));
    }

    [TestCase("twenty five", 25)]
    [TestCase("twenty-five", 25)]
    [TestCase("forty", 40)]
    [TestCase("seven", 7)]
    [TestCase("30", 30)]
    public void Reads_cardinals(string text, int expected)
    {
        var tokens = TokenizedText.Of(text).Tokens;

        Assert.That(NumberWords.TryCardinal(tokens, 0, tokens.Count, out var value, out var next), Is.True);
        Assert.That(value, Is.EqualTo(expected));
        Assert.That(next, Is.EqualTo(tokens.Count));
    }

    [TestCase("third", 3)]
    [TestCase("3rd", 3)]
    [TestCase("twenty first", 21)]
    [TestCase("twenty-third", 23)]
    [TestCase("thirtieth", 30)]
    public void Reads_ordinals(string text, int expected)
    {
        var tokens = TokenizedText.Of(text).Tokens;

        Assert.That(NumberWords.TryOrdinal(tokens, 0, tokens.Count, out var value, out _), Is.True);
        Assert.That(value, Is.EqualTo(expected));
    }

    [Test]
    public void The_default_schedule_is_nine_to_five_monday_to_friday()
    {
        var schedule = WorkSchedule.Default;

        Assert.That((schedule.StartHour, schedule.EndHour), Is.EqualTo((9, 17)));
        Assert.That(Enum.GetValues<DayOfWeek>().Where(schedule.IsWorkDay), Is.EqualTo(new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }));
        Assert.That(schedule.FirstDayOfWeek, Is.EqualTo(DayOfWeek.Monday));
        Assert.That(schedule.NextWorkDayAfter(new DateOnly(2026, 11, 20)), Is.EqualTo(new DateOnly(2026, 11, 23)));
    }

    [TestCase(18, 9)]
    [TestCase(-1, 17)]
    [TestCase(9, 30)]
    public void Nonsense_hours_fall_back_to_the_defaults(int start, int end)
    {
        var schedule = new WorkSchedule(start, end, []);

        Assert.That((schedule.StartHour, schedule.EndHour), Is.EqualTo((9, 17)));
        Assert.That(schedule.IsWorkDay(DayOfWeek.Monday), Is.True);
        Assert.That(schedule.IsWorkDay(DayOfWeek.Sunday), Is.False);
    }

    [Test]
    public void A_sunday_to_thursday_week_starts_on_sunday()
    {
        var schedule = new WorkSchedule(9, 17, [1, 2, 3, 4, 5]);

        Assert.That(schedule.FirstDayOfWeek, Is.EqualTo(DayOfWeek.Sunday));
        Assert.That(schedule.WeekStart(new DateOnly(2026, 11, 20)), Is.EqualTo(new DateOnly(2026, 11, 15)));
    }

    [Test]
    public void Wall_times_become_instants_across_daylight_saving()
    {
        var newYork = ZoneClock.Resolve("America/New_York");

        Assert.That(ZoneClock.ToInstant(new DateTime(2026, 3, 8, 2, 30, 0), newYork), Is.EqualTo(new DateTimeOffset(2026, 3, 8, 3, 30, 0, TimeSpan.FromHours(-4))));
        Assert.That(ZoneClock.ToInstant(new DateTime(2026, 11, 1, 1, 30, 0), newYork), Is.EqualTo(new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-4))));
        Assert.That(ZoneClock.ToInstant(new DateTime(2026, 11, 1, 2, 30, 0), newYork), Is.EqualTo(new DateTimeOffset(2026, 11, 1, 2, 30, 0, TimeSpan.FromHours(-5))));
        Assert.That(ZoneClock.Resolve(null), Is.EqualTo(TimeZoneInfo.Utc));
    }
}
