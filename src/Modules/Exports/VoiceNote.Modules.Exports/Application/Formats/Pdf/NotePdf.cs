using System.Globalization;
using SkiaSharp;
using VoiceNote.Modules.Exports.Application.Documents;

namespace VoiceNote.Modules.Exports.Application.Formats.Pdf;

/// <summary>
/// What both PDF formats share: the note's header (title, when and how long, summary, tasks, key moments) and the way a
/// PDF is made. "Page 3 / 41" needs the page count before page 1 is written, so the layout runs twice: once measuring
/// only, once drawing into Skia's PDF document, which writes each page to the output as it ends (docs/decisions/0082).
/// </summary>
internal static class NotePdf
{
    /// <summary>Lays the body of the document out after the header; reports the share of it done (0–1) as it goes.</summary>
    public delegate void Body(PdfLayout layout, Action<double> done, CancellationToken cancellationToken);

    public static Task WriteAsync(NoteDocument note, Stream output, Body body, IProgress<int> progress, CancellationToken cancellationToken) =>
        // Laying out and Skia's writing are synchronous CPU work; they run off the caller's thread.
        Task.Run(() => Write(note, output, body, progress, cancellationToken), cancellationToken);

    private static void Write(NoteDocument note, Stream output, Body body, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var reported = -1;
        void Report(int pass, double done)
        {
            var percent = (int)Math.Round(((pass + Math.Clamp(done, 0, 1)) / 2) * 100);
            if (percent != reported)
            {
                reported = percent;
                progress.Report(percent);
            }
        }

        using var fonts = new PdfFonts();
        Report(0, 0);
        var counting = new PdfLayout(fonts, document: null, pageCount: 0);
        Header(counting, note);
        body(counting, done => Report(0, done), cancellationToken);
        var pages = counting.Finish();

        var metadata = new SKDocumentPdfMetadata
        {
            Title = note.Title,
            Creator = "VoiceNote",
            Producer = "VoiceNote (Skia PDF)",
            Creation = note.CreatedAt.UtcDateTime,
            Modified = note.UpdatedAt.UtcDateTime,
        };
        using var document = SKDocument.CreatePdf(output, metadata);
        var drawing = new PdfLayout(fonts, document, pages);
        Header(drawing, note);
        body(drawing, done => Report(1, done), cancellationToken);
        drawing.Finish();
        document.Close();
        Report(1, 1);
    }

    private static void Header(PdfLayout layout, NoteDocument note)
    {
        layout.Paragraph(note.Title, PdfLayout.Title, spaceAfter: 2f);
        var facts = new List<string> { $"Recorded {Time(note, note.RecordedAt)} ({note.OwnerTimeZone.Id})" };
        if (note.Duration is { } duration)
        {
            facts.Add($"Duration {TranscriptParagraphs.Stamp(duration)}");
        }

        facts.Add($"Priority {note.Priority}");
        if (note.Sentiment is { Length: > 0 } sentiment)
        {
            facts.Add($"Sentiment {sentiment}");
        }

        layout.Paragraph(string.Join(" · ", facts), PdfLayout.Quiet, spaceAfter: 8f);

        if (note.Summary is { Length: > 0 } summary)
        {
            layout.HeadingLine("Summary");
            layout.Paragraph(summary, PdfLayout.Body);
        }

        if (note.Tasks.Count > 0)
        {
            layout.HeadingLine("Tasks");
            layout.Table(
                ["Task", $"Deadline ({note.OwnerTimeZone.Id})", "Priority", "Done"],
                [0.52f, 0.22f, 0.12f, 0.14f],
                note.Tasks.Select(t => (IReadOnlyList<string>)
                [
                    t.Description,
                    t.Deadline is { } deadline ? Time(note, deadline) : "—",
                    t.Priority,
                    t.IsDone ? "✓ done" : "open",
                ]));
        }

        if (note.KeyMoments.Count > 0)
        {
            layout.HeadingLine("Key moments");
            foreach (var moment in note.KeyMoments)
            {
                layout.Stamped(TranscriptParagraphs.Stamp(moment.At), moment.Description, PdfLayout.Body);
            }
        }
    }

    /// <summary>A time as the owner reads it, in their zone.</summary>
    private static string Time(NoteDocument note, DateTimeOffset at) =>
        note.InOwnerZone(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
