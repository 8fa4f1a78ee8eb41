using System.Globalization;
using System.Text.RegularExpressions;
using VoiceNote.Modules.Exports.Application.Documents;
using VoiceNote.Modules.Exports.Application.Formats.Subtitles;

namespace VoiceNote.UnitTests.Exports.Formats;

/// <summary>
/// SubRip and WebVTT files read back with <see cref="SubtitleParsers"/>: cues a viewer can read (two lines of 42
/// characters at most, up to ~6 s, ~1 s where the words leave room), timed by the words, in order, never overlapping,
/// and together the transcript's words, every one, in order.
/// </summary>
public sealed partial class SubtitleWriterTests
{
    [Test]
    public async Task SubRip_cues_are_numbered_timed_readable_and_carry_every_word()
    {
        var written = await Written.By(new SubRipWriter(), ExportFixture.Note());

        var cues = SubtitleParsers.SubRip(written.Text);

        Assert.Multiple(() =>
        {
            Assert.That(written.Bytes.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 without a byte order mark");
            Assert.That(cues.Select(c => c.Id), Is.EqualTo(Enumerable.Range(1, cues.Count).Select(i => i.ToString(CultureInfo.InvariantCulture))), "numbered 1, 2, 3 …");
        });
        AssertReadableCuesOfEveryWord(cues, ExportFixture.Words());
    }

    [Test]
    public async Task WebVtt_cues_are_timed_readable_and_carry_every_word()
    {
        var written = await Written.By(new WebVttWriter(), ExportFixture.Note());

        var cues = SubtitleParsers.WebVtt(written.Text);

        Assert.Multiple(() =>
        {
            Assert.That(written.Text, Does.StartWith("WEBVTT"), "no byte order mark before the signature either");
            Assert.That(Regex.IsMatch(written.Text, @"\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}"), Is.True, "HH:MM:SS.mmm");
        });
        AssertReadableCuesOfEveryWord(cues, ExportFixture.Words());
    }

    [Test]
    public async Task WebVtt_escapes_markup_in_the_words()
    {
        TimedWord[] words = [new("R&D", 1_000, 1_400), new("<b>bold</b>", 1_500, 2_100), new("a>b", 2_200, 2_600), new("&amp;", 2_700, 3_000)];
        var note = ExportFixture.Note() with { Words = words };

        var written = await Written.By(new WebVttWriter(), note);
        var cues = SubtitleParsers.WebVtt(written.Text);

        Assert.Multiple(() =>
        {
            Assert.That(written.Text, Does.Not.Contain("<b>"));
            Assert.That(Joined(cues), Is.EqualTo("R&D <b>bold</b> a>b &amp;"), "a reader decodes exactly the words back");
        });
    }

    [Test]
    public async Task Times_past_an_hour_keep_their_hours()
    {
        TimedWord[] words = [new("Still", 3_723_004, 3_723_400), new("recording.", 3_723_500, 3_724_250)];
        var note = ExportFixture.Note() with { Words = words };

        var srt = SubtitleParsers.SubRip((await Written.By(new SubRipWriter(), note)).Text);
        var vtt = SubtitleParsers.WebVtt((await Written.By(new WebVttWriter(), note)).Text);

        var start = new TimeSpan(0, 1, 2, 3, 4); // 1:02:03.004
        Assert.Multiple(() =>
        {
            Assert.That(srt.Select(c => c.Start), Is.EqualTo(new[] { start }));
            Assert.That(vtt.Select(c => c.Start), Is.EqualTo(new[] { start }));
            Assert.That(srt[0].End, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(3_724_250)), "the last word is still on screen");
        });
    }

    [Test]
    public async Task A_long_unbroken_speech_is_cut_into_cues_without_splitting_a_word()
    {
        // No pause and no full stop for a minute: only the length and duration limits can end a cue.
        string[] said = ["extraordinarily", "and", "so", "unbelievably", "long", "speeches", "go", "on"];
        var words = Enumerable.Range(0, 200).Select(i => new TimedWord(said[i % said.Length], i * 300, (i * 300) + 280)).ToList();
        var note = ExportFixture.Note() with { Words = words };

        var cues = SubtitleParsers.SubRip((await Written.By(new SubRipWriter(), note)).Text);

        AssertReadableCuesOfEveryWord(cues, words);
    }

    [Test]
    public async Task A_note_without_word_timings_gives_valid_files_without_cues()
    {
        var note = ExportFixture.Note() with { Words = [] };

        var srt = await Written.By(new SubRipWriter(), note);
        var vtt = await Written.By(new WebVttWriter(), note);

        Assert.Multiple(() =>
        {
            Assert.That(SubtitleParsers.SubRip(srt.Text), Is.Empty);
            Assert.That(SubtitleParsers.WebVtt(vtt.Text), Is.Empty);
            Assert.That(srt.Progress[^1], Is.EqualTo(100));
        });
    }

    private static void AssertReadableCuesOfEveryWord(IReadOnlyList<ParsedCue> cues, IReadOnlyList<TimedWord> words)
    {
        Assert.That(cues, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            for (var i = 0; i < cues.Count; i++)
            {
                var cue = cues[i];
                Assert.That(cue.Start, Is.LessThan(cue.End), $"cue {i + 1} starts before it ends");
                Assert.That(cue.End - cue.Start, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(7)), $"cue {i + 1} is up at most ~6 s");
                Assert.That(cue.Lines, Has.Count.InRange(1, 2), $"cue {i + 1} has one or two lines");
                Assert.That(cue.Lines.Select(l => new StringInfo(l).LengthInTextElements), Has.All.LessThanOrEqualTo(42), $"cue {i + 1}: lines of 42 characters at most");
                if (i > 0)
                {
                    Assert.That(cue.Start, Is.GreaterThanOrEqualTo(cues[i - 1].End), $"cue {i + 1} starts after cue {i} ends");
                }

                if (cue.End - cue.Start < TimeSpan.FromSeconds(1) && i + 1 < cues.Count)
                {
                    Assert.That(cues[i + 1].Start, Is.EqualTo(cue.End), $"cue {i + 1} is shorter than a second only because the next follows at once");
                }
            }

            Assert.That(Joined(cues), Is.EqualTo(string.Join(' ', words.Select(w => w.Text))), "every word once, in order, none split");
            Assert.That(cues[0].Start, Is.EqualTo(TimeSpan.FromMilliseconds(words[0].StartMs)), "the first cue starts with the first word");
            Assert.That(cues[^1].End, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(words[^1].EndMs)), "the last cue lasts to the last word's end");
        });

        if (words.Count > 1000)
        {
            Assert.That(cues[^1].End, Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(30)));
        }

        // Each cue is timed by its own words, and no cue runs across a long silence.
        var wordIndex = 0;
        foreach (var cue in cues)
        {
            var count = string.Join(' ', cue.Lines).Split(' ').Length;
            var first = words[wordIndex];
            var last = words[wordIndex + count - 1];
            Assert.That(cue.Start, Is.EqualTo(TimeSpan.FromMilliseconds(first.StartMs)), $"cue '{string.Join(' ', cue.Lines)}' starts with its first word");
            Assert.That(cue.End, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(last.EndMs)), $"cue '{string.Join(' ', cue.Lines)}' lasts to its last word's end");
            for (var k = wordIndex + 1; k < wordIndex + count; k++)
            {
                Assert.That(words[k].StartMs - words[k - 1].EndMs, Is.LessThan(2_000), $"a long silence ends a cue: '{string.Join(' ', cue.Lines)}'");
            }

            wordIndex += count;
        }
    }

    private static string Joined(IEnumerable<ParsedCue> cues) => Whitespace().Replace(string.Join(' ', cues.SelectMany(c => c.Lines)), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
