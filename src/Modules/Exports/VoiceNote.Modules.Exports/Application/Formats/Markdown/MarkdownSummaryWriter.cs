using VoiceNote.Modules.Exports.Application.Documents;

namespace VoiceNote.Modules.Exports.Application.Formats.Markdown;

/// <summary>The note without its transcript, as CommonMark with YAML front matter (see <see cref="MarkdownNote"/>).</summary>
internal sealed class MarkdownSummaryWriter : INoteWriter
{
    public ExportFormat Format => ExportFormat.MarkdownSummary;

    public async Task WriteAsync(NoteDocument note, Stream output, IProgress<int> progress, CancellationToken cancellationToken)
    {
        progress.Report(0);
        await using var writer = Readable.Open(output);
        await writer.WriteAsync(MarkdownNote.Head(note), cancellationToken);
        await writer.FlushAsync(cancellationToken);
        progress.Report(100);
    }
}
