using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using VoiceNote.Modules.Exports.Application.Formats.Docx;

namespace VoiceNote.UnitTests.Exports.Formats;

/// <summary>The Word document opened with the Open XML SDK: schema-valid, the tasks in a table, the text and timestamps all there.</summary>
public sealed partial class DocxWriterTests
{
    [Test]
    public async Task The_document_is_valid_open_xml()
    {
        var written = await Written.By(new DocxWriter(), ExportFixture.Note());

        using var document = Open(written.Bytes);
        var errors = new OpenXmlValidator().Validate(document).ToList();

        Assert.That(errors, Is.Empty, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    [Test]
    public async Task The_tasks_are_a_table_with_a_header_and_a_row_each()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var written = await Written.By(new DocxWriter(), ExportFixture.Note(berlin));

        using var document = Open(written.Bytes);
        var rows = document.MainDocumentPart!.Document!.Body!.Descendants<Table>().Single().Elements<TableRow>()
            .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();

        var firstDeadline = TimeZoneInfo.ConvertTime(new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero), berlin);
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(5), "a header and four tasks");
            Assert.That(rows[0], Is.EqualTo(new[] { "Description", "Deadline", "Priority", "Done" }));
            Assert.That(rows[1][0], Is.EqualTo("Send photos of the Tokyo space — 写真を送る"));
            Assert.That(rows[1][1], Does.Contain(firstDeadline.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)), "the deadline in the owner's zone");
            Assert.That(rows.Skip(1).Select(r => r[2]), Is.EqualTo(new[] { "MEDIUM", "HIGH", "LOW", "LOW" }));
            Assert.That(rows.Single(r => r[0].Contains("한국어", StringComparison.Ordinal))[3], Is.Not.EqualTo(rows[1][3]), "the done task reads differently from the open ones");
        });
    }

    [Test]
    public async Task The_body_holds_the_non_latin_text_and_the_stamped_transcript()
    {
        var written = await Written.By(new DocxWriter(), ExportFixture.Note());

        using var document = Open(written.Bytes);
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        var transcript = paragraphs.SkipWhile(p => p != "Transcript").Skip(1).ToList();
        var stamps = transcript.Select(p => StampPattern().Match(p)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(paragraphs[0], Is.EqualTo(ExportFixture.Title));
            Assert.That(body.InnerText, Does.Contain("東京オフィス").And.Contain("Ольга").And.Contain("한국어").And.Contain("🚀"));
            Assert.That(transcript, Is.Not.Empty, "a Transcript heading, then its paragraphs");
            Assert.That(stamps, Has.All.Property(nameof(Match.Success)).True, "each transcript paragraph opens with [m:ss]");
            Assert.That(stamps[0].Groups["time"].Value, Is.EqualTo("0:01"));
            Assert.That(stamps.Select(s => Seconds(s.Groups["time"].Value)), Is.Ordered.And.Unique);
            Assert.That(Seconds(stamps[^1].Groups["time"].Value), Is.GreaterThanOrEqualTo(30 * 60));
        });
    }

    [Test]
    public async Task East_asian_text_has_a_font_that_covers_it()
    {
        var written = await Written.By(new DocxWriter(), ExportFixture.Note());

        using var document = Open(written.Bytes);
        var fonts = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single();

        Assert.That(fonts.EastAsia?.Value, Does.Contain("CJK"));
    }

    [Test]
    public async Task A_stream_that_cannot_seek_still_gets_a_valid_document()
    {
        using var buffer = new MemoryStream();
        await using (var forwardOnly = new ForwardOnlyStream(buffer))
        {
            await new DocxWriter().WriteAsync(ExportFixture.Note(), forwardOnly, new Progress<int>(), CancellationToken.None);
        }

        using var document = Open(buffer.ToArray());
        Assert.That(new OpenXmlValidator().Validate(document), Is.Empty);
    }

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);

    private static int Seconds(string stamp) => stamp.Split(':').Aggregate(0, (total, part) => (total * 60) + int.Parse(part, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^\[(?<time>(\d+:)?\d{1,2}:\d{2})\] \S")]
    private static partial Regex StampPattern();

    /// <summary>An HTTP response body or a pipe: written front to back, never read or sought.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
