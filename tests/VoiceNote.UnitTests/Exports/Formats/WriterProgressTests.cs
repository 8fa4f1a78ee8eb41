using VoiceNote.Modules.Exports.Application.Formats;
using VoiceNote.Modules.Exports.Application.Formats.Docx;
using VoiceNote.Modules.Exports.Application.Formats.Json;
using VoiceNote.Modules.Exports.Application.Formats.Markdown;
using VoiceNote.Modules.Exports.Application.Formats.Subtitles;
using VoiceNote.Modules.Exports.Application.Formats.Text;

namespace VoiceNote.UnitTests.Exports.Formats;

/// <summary>Every writer reports 0–100 as it goes, never backwards, ending at 100, and about a hundred times at most.</summary>
public sealed class WriterProgressTests
{
    [TestCase("markdown_summary")]
    [TestCase("markdown_transcript")]
    [TestCase("srt")]
    [TestCase("vtt")]
    [TestCase("txt")]
    [TestCase("json")]
    [TestCase("docx")]
    public async Task Progress_climbs_to_100_in_at_most_about_a_hundred_steps(string format)
    {
        var writer = Writer(format);
        Assert.That(writer.Format.Name, Is.EqualTo(format));

        var written = await Written.By(writer, ExportFixture.Note());

        Assert.Multiple(() =>
        {
            Assert.That(written.Progress, Is.Not.Empty);
            Assert.That(written.Progress, Is.Ordered, "never backwards");
            Assert.That(written.Progress, Has.All.InRange(0, 100));
            Assert.That(written.Progress[^1], Is.EqualTo(100));
            Assert.That(written.Progress.Count(p => p == 100), Is.EqualTo(1), "100 once, at the end");
            Assert.That(written.Progress, Has.Count.LessThanOrEqualTo(102));
        });
    }

    private static INoteWriter Writer(string format) => format switch
    {
        "markdown_summary" => new MarkdownSummaryWriter(),
        "markdown_transcript" => new MarkdownTranscriptWriter(),
        "srt" => new SubRipWriter(),
        "vtt" => new WebVttWriter(),
        "txt" => new PlainTextWriter(),
        "json" => new JsonNoteWriter(),
        "docx" => new DocxWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
