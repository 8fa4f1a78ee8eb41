using VoiceNote.Modules.Exports.Application.Documents;

namespace VoiceNote.Modules.Exports.Application.Formats.Pdf;

/// <summary>The summary's header followed by the whole transcript, a paragraph at a time, each with the time it starts.</summary>
internal sealed class PdfTranscriptWriter : INoteWriter
{
    public ExportFormat Format => ExportFormat.PdfTranscript;

    public Task WriteAsync(NoteDocument note, Stream output, IProgress<int> progress, CancellationToken cancellationToken) =>
        NotePdf.WriteAsync(note, output, (layout, done, token) => Transcript(note, layout, done, token), progress, cancellationToken);

    private static void Transcript(NoteDocument note, PdfLayout layout, Action<double> done, CancellationToken cancellationToken)
    {
        layout.HeadingLine("Transcript");
        // Progress is the share of the transcript's characters laid out; paragraphs are streamed, never listed.
        var total = Math.Max(1, note.Words.Count > 0 ? note.Words.Sum(w => w.Text.Length + 1) : note.Transcript?.Length ?? 0);
        var laid = 0;
        foreach (var paragraph in TranscriptParagraphs.Of(note))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (paragraph.Start is { } start)
            {
                layout.Stamped(TranscriptParagraphs.Stamp(start), paragraph.Text, PdfLayout.Body);
            }
            else
            {
                layout.Paragraph(paragraph.Text, PdfLayout.Body);
            }

            laid += paragraph.Text.Length + 1;
            done((double)laid / total);
        }
    }
}
