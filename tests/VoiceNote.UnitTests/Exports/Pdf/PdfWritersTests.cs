using System.Globalization;
using System.Text.RegularExpressions;
using VoiceNote.Modules.Exports.Application.Formats;
using VoiceNote.Modules.Exports.Application.Formats.Pdf;

namespace VoiceNote.UnitTests.Exports.Pdf;

/// <summary>
/// The two PDF formats (issue 15, docs/decisions/0082), written from the fixture note and read back with poppler:
/// what a reader copies out of the file, its pages, its fonts and what page 1 looks like.
/// </summary>
[TestFixture]
internal sealed partial class PdfWritersTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private string _folder = null!;
    private readonly Dictionary<string, string> _files = [];
    private readonly Dictionary<string, List<int>> _progress = [];

    [OneTimeSetUp]
    public async Task Write_both_formats()
    {
        _folder = Directory.CreateTempSubdirectory("voicenote-pdf-").FullName;
        foreach (var writer in new INoteWriter[] { new PdfSummaryWriter(), new PdfTranscriptWriter() })
        {
            var reports = new List<int>();
            var path = Path.Combine(_folder, writer.Format.Name + ".pdf");
            await using (var output = File.Create(path))
            {
                await writer.WriteAsync(ExportFixture.Note(), output, new Recorder(reports), CancellationToken.None);
            }

            _files[writer.Format.Name] = path;
            _progress[writer.Format.Name] = reports;
        }
    }

    [OneTimeTearDown]
    public void Remove_the_files() => Directory.Delete(_folder, recursive: true);

    [TestCase("pdf_summary")]
    [TestCase("pdf_transcript")]
    public void The_title_summary_and_tasks_come_back_in_every_script(string format)
    {
        var text = Squeezed(PopplerTools.Text(_files[format]));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain(Squeezed("Réunion de planification")));
            Assert.That(text, Does.Contain("東京オフィス"));
            Assert.That(text, Does.Contain("Ольга"));
            Assert.That(text, Does.Contain("한국어"));
            Assert.That(text, Does.Contain(Squeezed("Die Planung für das nächste Quartal")));
            Assert.That(text, Does.Contain(Squeezed("Café budget approved")));
            foreach (var description in new[]
            {
                "Send photos of the Tokyo space — 写真を送る", "Rehearse the migration on staging (Ольга)",
                "Freeze the strings for the 한국어 translators", "Order a coffee machine ☕",
            })
            {
                Assert.That(text, Does.Contain(Squeezed(description)), description);
            }
        });
    }

    [TestCase("pdf_summary")]
    [TestCase("pdf_transcript")]
    public void Deadlines_are_printed_in_the_owners_time_zone(string format)
    {
        var text = PopplerTools.Text(_files[format]);
        var deadline = new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero);
        var inBerlin = TimeZoneInfo.ConvertTime(deadline, Berlin);
        Assert.Multiple(() =>
        {
            Assert.That(inBerlin.Hour, Is.EqualTo(18), "the test's own expectation: Berlin is UTC+1 in December");
            Assert.That(text, Does.Contain(inBerlin.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
            Assert.That(text, Does.Not.Contain("2026-12-04 17:00"), "the UTC time");
            // 23:00 UTC on the 20th is already the 21st in Berlin
            Assert.That(text, Does.Contain("2026-12-21 00:00"));
            Assert.That(text, Does.Contain("Europe/Berlin"));
        });
    }

    [Test]
    public async Task Another_owner_zone_moves_the_times()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var path = Path.Combine(_folder, "tokyo.pdf");
        await using (var output = File.Create(path))
        {
            await new PdfSummaryWriter().WriteAsync(ExportFixture.Note(tokyo), output, new Recorder([]), CancellationToken.None);
        }

        var text = PopplerTools.Text(path);
        var recorded = TimeZoneInfo.ConvertTime(new DateTimeOffset(2026, 11, 30, 8, 45, 0, TimeSpan.Zero), tokyo);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain(recorded.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
            Assert.That(text, Does.Contain("2026-12-05 02:00"), "17:00 UTC on the 4th in Tokyo");
        });
    }

    [TestCase("pdf_summary")]
    [TestCase("pdf_transcript")]
    public void Every_page_is_numbered_out_of_the_page_count(string format)
    {
        var pages = PopplerTools.PageCount(_files[format]);
        Assert.Multiple(() =>
        {
            Assert.That(PopplerTools.Text(_files[format], page: 1), Does.Match(PageNumber(1, pages)));
            Assert.That(PopplerTools.Text(_files[format], page: pages), Does.Match(PageNumber(pages, pages)));
        });
    }

    [Test]
    public void The_transcript_runs_over_several_pages_and_the_summary_does_not()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PopplerTools.PageCount(_files["pdf_transcript"]), Is.GreaterThan(3));
            Assert.That(PopplerTools.PageCount(_files["pdf_summary"]), Is.EqualTo(1));
            Assert.That(PopplerTools.Text(_files["pdf_summary"]), Does.Not.Contain("Good morning everyone"));
        });
    }

    [Test]
    public void Transcript_paragraphs_carry_their_times_in_order()
    {
        var text = PopplerTools.Text(_files["pdf_transcript"]);
        // a paragraph's time stands alone in the margin: "m:ss" before the hour
        var stamps = Stamp().Matches(text).Select(m => TimeSpan.ParseExact(m.Groups[1].Value, @"m\:ss", CultureInfo.InvariantCulture)).ToList();
        var transcript = stamps.SkipWhile(s => s != TimeSpan.FromSeconds(1)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(transcript, Is.Not.Empty, "the first paragraph starts at 0:01 (a second of room noise)");
            Assert.That(transcript, Is.Ordered.Ascending);
            Assert.That(transcript.Max(), Is.GreaterThan(TimeSpan.FromMinutes(30)));
            Assert.That(Squeezed(text), Does.Contain(Squeezed("0:01 Good morning everyone, let's start with the Tokyo office.")));
        });
    }

    [TestCase("pdf_summary")]
    [TestCase("pdf_transcript")]
    public void Every_font_is_embedded(string format)
    {
        var fonts = PopplerTools.Fonts(_files[format]);
        Assert.That(fonts, Is.Not.Empty);
        // columns from the right: object ID (2), uni, sub, emb
        Assert.That(fonts.Select(row => row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5]), Is.All.EqualTo("yes"), string.Join('\n', fonts));
    }

    [Test]
    public void The_rocket_in_the_title_is_drawn_in_colour_not_as_an_empty_box()
    {
        // Everything else on page 1 is black or grey; the emoji font's rocket is the only coloured thing there.
        var (width, height, rgb) = PopplerTools.Raster(_files["pdf_transcript"], page: 1, dpi: 72);
        var coloured = 0;
        for (var y = 0; y < height / 8; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = ((y * width) + x) * 3;
                var max = Math.Max(rgb[at], Math.Max(rgb[at + 1], rgb[at + 2]));
                var min = Math.Min(rgb[at], Math.Min(rgb[at + 1], rgb[at + 2]));
                coloured += max - min > 80 ? 1 : 0;
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(coloured, Is.GreaterThan(20), "coloured pixels in the title band");
            Assert.That(PopplerTools.Text(_files["pdf_transcript"], page: 1), Does.Contain("🚀"));
        });
    }

    [TestCase("pdf_summary")]
    [TestCase("pdf_transcript")]
    public void Progress_climbs_to_100(string format)
    {
        var reports = _progress[format];
        Assert.Multiple(() =>
        {
            Assert.That(reports, Is.Ordered.Ascending);
            Assert.That(reports[0], Is.EqualTo(0));
            Assert.That(reports[^1], Is.EqualTo(100));
        });
        if (format == "pdf_transcript")
        {
            Assert.That(reports.Count(p => p is > 0 and < 100), Is.GreaterThan(10), "the transcript's paragraphs move it along");
        }
    }

    [Test]
    public void A_cancelled_export_stops() =>
        Assert.That(
            async () => await new PdfTranscriptWriter().WriteAsync(ExportFixture.Note(), Stream.Null, new Recorder([]), new CancellationToken(canceled: true)),
            Throws.InstanceOf<OperationCanceledException>());

    /// <summary>"3 / 41" at the foot of a page; pdftotext may close up the spaces.</summary>
    private static string PageNumber(int page, int pages) => $@"(?<!\d){page}\s*/\s*{pages}(?!\d)";

    /// <summary>pdftotext lays CJK runs out with odd spaces around them; the characters in order are what a reader gets.</summary>
    private static string Squeezed(string text) => Whitespace().Replace(text, string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?m)^(\d{1,2}:\d{2})\s")]
    private static partial Regex Stamp();

    /// <summary>Records progress as it is reported (Progress&lt;T&gt; would post it later, out of order).</summary>
    private sealed class Recorder(List<int> reports) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
