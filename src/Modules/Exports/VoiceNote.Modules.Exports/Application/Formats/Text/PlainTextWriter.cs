using System.Text;
using VoiceNote.Modules.Exports.Application.Documents;

namespace VoiceNote.Modules.Exports.Application.Formats.Text;

/// <summary>
/// The note as plain UTF-8 text for any editor or mail: title, when it was recorded (owner's zone), its length,
/// summary, tasks, key moments and the transcript in paragraphs, each starting with its timestamp.
/// </summary>
internal sealed class PlainTextWriter : INoteWriter
{
    public ExportFormat Format => ExportFormat.Text;

    public async Task WriteAsync(NoteDocument note, Stream output, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var steps = ProgressSteps.OverTranscript(note, progress);
        steps.Start();
        await using var writer = Readable.Open(output);
        await writer.WriteAsync(Head(note), cancellationToken);

        var first = true;
        foreach (var paragraph in TranscriptParagraphs.Of(note))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (first)
            {
                await writer.WriteAsync(Section("Transcript").AsMemory(), cancellationToken);
                first = false;
            }

            var line = paragraph.Start is { } start ? $"[{TranscriptParagraphs.Stamp(start)}] {paragraph.Text}\n\n" : $"{paragraph.Text}\n\n";
            await writer.WriteAsync(line.AsMemory(), cancellationToken);
            steps.Written(paragraph);
        }

        await writer.FlushAsync(cancellationToken);
        steps.Complete();
    }

    private static StringBuilder Head(NoteDocument note)
    {
        var head = new StringBuilder()
            .Append(Readable.OneLine(note.Title)).Append("\n\n")
            .Append("Recorded: ").Append(Readable.Time(note, note.RecordedAt)).Append(" (").Append(note.OwnerTimeZone.Id).Append(")\n")
            .Append("Duration: ").Append(Readable.Duration(note.Duration)).Append('\n')
            .Append("Priority: ").Append(note.Priority).Append('\n');
        if (note.Language is { } language)
        {
            head.Append("Language: ").Append(language).Append('\n');
        }

        head.Append('\n');
        if (!string.IsNullOrWhiteSpace(note.Summary))
        {
            head.Append(Section("Summary")).Append(note.Summary.ReplaceLineEndings("\n").Trim()).Append("\n\n");
        }

        if (note.Tasks.Count > 0)
        {
            head.Append(Section("Tasks"));
            foreach (var task in note.Tasks)
            {
                head.Append(task.IsDone ? "[x] " : "[ ] ").Append(Readable.OneLine(task.Description)).Append(" (priority ").Append(task.Priority);
                if (task.Deadline is { } deadline)
                {
                    head.Append(", due ").Append(Readable.Time(note, deadline));
                }

                head.Append(")\n");
            }

            head.Append('\n');
        }

        if (note.KeyMoments.Count > 0)
        {
            head.Append(Section("Key moments"));
            foreach (var moment in note.KeyMoments)
            {
                head.Append('[').Append(TranscriptParagraphs.Stamp(moment.At)).Append("] ").Append(Readable.OneLine(moment.Description)).Append('\n');
            }

            head.Append('\n');
        }

        return head;
    }

    /// <summary>A heading underlined with dashes, as plain-text documents mark sections.</summary>
    private static string Section(string name) => $"{name}\n{new string('-', name.Length)}\n";
}
