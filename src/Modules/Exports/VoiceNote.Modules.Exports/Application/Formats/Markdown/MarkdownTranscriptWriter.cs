using VoiceNote.Modules.Exports.Application.Documents;

namespace VoiceNote.Modules.Exports.Application.Formats.Markdown;

/// <summary>
/// The summary's Markdown (see <see cref="MarkdownNote"/>) followed by <c>## Transcript</c>: one paragraph per
/// stretch of speech, each opened by its timestamp (<c>**[12:34]**</c>) when the words are timed.
/// </summary>
internal sealed class MarkdownTranscriptWriter : INoteWriter
{
    public ExportFormat Format => ExportFormat.MarkdownTranscript;

    public async Task WriteAsync(NoteDocument note, Stream output, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var steps = ProgressSteps.OverTranscript(note, progress);
        steps.Start();
        await using var writer = Readable.Open(output);
        await writer.WriteAsync(MarkdownNote.Head(note), cancellationToken);

        var first = true;
        foreach (var paragraph in TranscriptParagraphs.Of(note))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (first)
            {
                await writer.WriteAsync("## Transcript\n\n".AsMemory(), cancellationToken);
                first = false;
            }

            var text = MarkdownText.Inline(paragraph.Text);
            var line = paragraph.Start is { } start ? $"{MarkdownNote.Stamp(start)} {text}\n\n" : $"{text}\n\n";
            await writer.WriteAsync(line.AsMemory(), cancellationToken);
            steps.Written(paragraph);
        }

        await writer.FlushAsync(cancellationToken);
        steps.Complete();
    }
}
