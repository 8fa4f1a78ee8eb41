using VoiceNote.Modules.Exports.Application.Documents;

namespace VoiceNote.Modules.Exports.Application.Formats.Pdf;

/// <summary>The note on a page or two: title, when, summary, tasks as a table, key moments; no transcript.</summary>
internal sealed class PdfSummaryWriter : INoteWriter
{
    public ExportFormat Format => ExportFormat.PdfSummary;

    public Task WriteAsync(NoteDocument note, Stream output, IProgress<int> progress, CancellationToken cancellationToken) =>
        NotePdf.WriteAsync(note, output, static (_, _, _) => { }, progress, cancellationToken);
}
