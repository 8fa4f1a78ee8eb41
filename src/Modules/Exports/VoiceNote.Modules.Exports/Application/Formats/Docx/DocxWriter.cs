using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using VoiceNote.Modules.Exports.Application.Documents;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace VoiceNote.Modules.Exports.Application.Formats.Docx;

/// <summary>
/// The note as a Word document: the title, a line each for when, how long, priority, sentiment and language, the
/// summary, the tasks as a table (description, deadline in the owner's zone, priority, done), the key moments and
/// the transcript's paragraphs under "Transcript", each opened by its timestamp. The body is streamed element by
/// element (<see cref="OpenXmlWriter"/>), so a long transcript is never one document tree in memory. Fonts name
/// Noto Sans, with Noto Sans CJK JP for East Asian text: a hint for the reader's machine, which substitutes its own.
/// </summary>
internal sealed class DocxWriter : INoteWriter
{
    private const string Font = "Noto Sans";
    private const string EastAsianFont = "Noto Sans CJK JP";

    public ExportFormat Format => ExportFormat.Docx;

    public async Task WriteAsync(NoteDocument note, Stream output, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var steps = ProgressSteps.OverTranscript(note, progress);
        steps.Start();
        if (output is { CanRead: true, CanSeek: true, CanWrite: true })
        {
            Write(note, output, steps, cancellationToken);
        }
        else
        {
            // A zip package is written with seeks; a response or pipe is fed from a temporary file instead.
            await using var buffer = new FileStream(
                Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81_920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            Write(note, buffer, steps, cancellationToken);
            buffer.Position = 0;
            await buffer.CopyToAsync(output, cancellationToken);
        }

        steps.Complete();
    }

    private static void Write(NoteDocument note, Stream output, ProgressSteps steps, CancellationToken cancellationToken)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        document.PackageProperties.Title = Clean(note.Title);

        using var body = OpenXmlWriter.Create(main);
        body.WriteStartDocument();
        body.WriteStartElement(new Document());
        body.WriteStartElement(new Body());

        body.WriteElement(Styled("Title", Readable.OneLine(note.Title)));
        body.WriteElement(Plain($"Recorded: {Readable.Time(note, note.RecordedAt)} ({note.OwnerTimeZone.Id})"));
        body.WriteElement(Plain($"Duration: {Readable.Duration(note.Duration)}"));
        body.WriteElement(Plain($"Priority: {note.Priority}"));
        if (note.Sentiment is { } sentiment)
        {
            body.WriteElement(Plain($"Sentiment: {sentiment}"));
        }

        if (note.Language is { } language)
        {
            body.WriteElement(Plain($"Language: {language}"));
        }

        if (!string.IsNullOrWhiteSpace(note.Summary))
        {
            body.WriteElement(Styled("Heading1", "Summary"));
            foreach (var paragraph in note.Summary.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                body.WriteElement(Plain(Readable.OneLine(paragraph)));
            }
        }

        if (note.Tasks.Count > 0)
        {
            body.WriteElement(Styled("Heading1", "Tasks"));
            body.WriteElement(TaskTable(note));
        }

        if (note.KeyMoments.Count > 0)
        {
            body.WriteElement(Styled("Heading1", "Key moments"));
            foreach (var moment in note.KeyMoments)
            {
                body.WriteElement(Stamped(moment.At, Readable.OneLine(moment.Description)));
            }
        }

        var first = true;
        foreach (var paragraph in TranscriptParagraphs.Of(note))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (first)
            {
                body.WriteElement(Styled("Heading1", "Transcript"));
                first = false;
            }

            body.WriteElement(Stamped(paragraph.Start, paragraph.Text));
            steps.Written(paragraph);
        }

        body.WriteElement(new SectionProperties(
            new PageSize { Width = 11_906, Height = 16_838 }, // A4 in twentieths of a point
            new PageMargin { Top = 1_134, Right = 1_134, Bottom = 1_134, Left = 1_134, Header = 709, Footer = 709, Gutter = 0 }));
        body.WriteEndElement();
        body.WriteEndElement();
    }

    private static Table TaskTable(NoteDocument note)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(new GridColumn { Width = "5200" }, new GridColumn { Width = "2000" }, new GridColumn { Width = "1200" }, new GridColumn { Width = "1200" }));

        var header = Row("Description", "Deadline", "Priority", "Done");
        header.PrependChild(new TableRowProperties(new TableHeader()));
        foreach (var run in header.Descendants<Run>())
        {
            run.PrependChild(new RunProperties(new Bold()));
        }

        table.Append(header);
        foreach (var task in note.Tasks)
        {
            table.Append(Row(
                Readable.OneLine(task.Description),
                task.Deadline is { } deadline ? Readable.Time(note, deadline) : "—",
                task.Priority,
                task.IsDone ? "Yes" : "No"));
        }

        return table;
    }

    private static TableRow Row(params string[] cells) => new(cells.Select(text => new TableCell(Plain(text))));

    private static Paragraph Plain(string text) => new(new Run(Words(text)));

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(Words(text)));

    /// <summary>A paragraph opened by its timestamp in bold: [12:34] text.</summary>
    private static Paragraph Stamped(TimeSpan? at, string text)
    {
        var paragraph = new Paragraph();
        if (at is { } start)
        {
            paragraph.Append(new Run(new RunProperties(new Bold()), Words($"[{TranscriptParagraphs.Stamp(start)}] ")));
        }

        paragraph.Append(new Run(Words(text)));
        return paragraph;
    }

    private static WordText Words(string text) => new(Clean(text)) { Space = SpaceProcessingModeValues.Preserve };

    /// <summary>User text without the characters XML cannot carry (control characters, half surrogate pairs).</summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text[i]).Append(text[++i]);
            }
        }

        return clean.ToString();
    }

    private static Styles Styles()
    {
        var fonts = new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = EastAsianFont };
        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(fonts, new FontSize { Val = "22" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Title", "Title", 40, spaceBefore: 0),
            Heading("Heading1", "heading 1", 30, spaceBefore: 240));
    }

    private static Style Heading(string id, string name, int halfPoints, int spaceBefore) =>
        new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = spaceBefore.ToString(CultureInfo.InvariantCulture), After = "120" }),
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }))
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };
}
