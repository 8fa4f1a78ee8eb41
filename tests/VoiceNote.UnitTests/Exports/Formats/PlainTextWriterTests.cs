using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using VoiceNote.Modules.Exports.Application.Formats.Text;

namespace VoiceNote.UnitTests.Exports.Formats;

/// <summary>The plain-text file: UTF-8 that decodes strictly, with the title, date, tasks, key moments and the stamped transcript.</summary>
public sealed partial class PlainTextWriterTests
{
    [Test]
    public async Task The_text_holds_the_title_date_tasks_and_the_stamped_transcript()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var written = await Written.By(new PlainTextWriter(), ExportFixture.Note(berlin));

        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(written.Bytes);
        var stamps = Transcript(text).Select(l => StampPattern().Match(l)).Where(m => m.Success).Select(m => m.Groups["time"].Value).ToList();

        var recorded = TimeZoneInfo.ConvertTime(new DateTimeOffset(2026, 11, 30, 8, 45, 0, TimeSpan.Zero), berlin);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith(ExportFixture.Title));
            Assert.That(text, Does.Contain(recorded.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)), "the date in the owner's zone");
            Assert.That(text, Does.Contain("35:00"), "the duration");
            Assert.That(text, Does.Contain(ExportFixture.Summary));
            foreach (var task in new[] { "Send photos of the Tokyo space — 写真を送る", "Rehearse the migration on staging (Ольга)", "Freeze the strings for the 한국어 translators", "Order a coffee machine ☕" })
            {
                Assert.That(text, Does.Contain(task));
            }

            Assert.That(text, Does.Contain("Korean localisation moves to next quarter"), "a key moment");
            Assert.That(stamps, Is.Not.Empty);
            Assert.That(stamps[0], Is.EqualTo("0:01"), "the first paragraph starts at 0:01.2");
            Assert.That(stamps.Select(Seconds), Is.Ordered.And.Unique);
            Assert.That(Seconds(stamps[^1]), Is.InRange(30 * 60, 35 * 60), "the last paragraph is in the recording's last minutes");
            Assert.That(text, Does.Contain("Thank you all, see you next Tuesday."));
        });
    }

    [Test]
    public async Task Without_timings_the_transcript_is_still_written_unstamped()
    {
        var note = ExportFixture.Note() with { Words = [], Transcript = "First sentence here. Second one!\n\nA new block." };

        var text = (await Written.By(new PlainTextWriter(), note)).Text;

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("First sentence here. Second one!").And.Contain("A new block."));
            Assert.That(Transcript(text), Is.Not.Empty.And.None.Matches(StampPattern()));
        });
    }

    /// <summary>The lines after the "Transcript" heading and its underline.</summary>
    private static IEnumerable<string> Transcript(string text) =>
        text.Split('\n').SkipWhile(l => l != "Transcript").Skip(2).Where(l => l.Length > 0);

    private static int Seconds(string stamp) => stamp.Split(':').Aggregate(0, (total, part) => (total * 60) + int.Parse(part, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^\[(?<time>(\d+:)?\d{1,2}:\d{2})\] \S")]
    private static partial Regex StampPattern();
}
