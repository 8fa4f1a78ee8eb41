using System.Globalization;
using System.Text;
using System.Xml;
using VoiceNote.Modules.Exports.Application.Documents;

namespace VoiceNote.Modules.Exports.Application.Formats.Markdown;

/// <summary>
/// What both Markdown files share: the YAML front matter, the title, when and how long, the summary, the tasks as a
/// GFM task list (deadline in the owner's zone, priority) and the key moments with their timestamps.
/// </summary>
internal static class MarkdownNote
{
    public static StringBuilder Head(NoteDocument note)
    {
        var head = new StringBuilder("---\n")
            .AppendPlain("id", note.NoteId.ToString())
            .AppendText("title", note.Title)
            .AppendPlain("recorded_at", note.InOwnerZone(note.RecordedAt).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture))
            .AppendText("time_zone", note.OwnerTimeZone.Id)
            .AppendText("duration", note.Duration is { } duration ? XmlConvert.ToString(duration) : null)
            .AppendText("priority", note.Priority)
            .AppendText("sentiment", note.Sentiment)
            .AppendText("language", note.Language)
            .Append("---\n\n");

        head.Append("# ").Append(MarkdownText.Inline(note.Title)).Append("\n\n")
            .Append("Recorded ").Append(Readable.Time(note, note.RecordedAt)).Append(" (").Append(MarkdownText.Inline(note.OwnerTimeZone.Id)).Append(')')
            .Append(" · ").Append(Readable.Duration(note.Duration)).Append(" · priority ").Append(note.Priority).Append("\n\n");

        if (!string.IsNullOrWhiteSpace(note.Summary))
        {
            head.Append("## Summary\n\n").Append(MarkdownText.Block(note.Summary)).Append("\n\n");
        }

        if (note.Tasks.Count > 0)
        {
            head.Append("## Tasks\n\n");
            foreach (var task in note.Tasks)
            {
                head.Append(task.IsDone ? "- [x] " : "- [ ] ").Append(MarkdownText.Inline(task.Description)).Append(" (priority ").Append(task.Priority);
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
            head.Append("## Key moments\n\n");
            foreach (var moment in note.KeyMoments)
            {
                head.Append("- ").Append(Stamp(moment.At)).Append(' ').Append(MarkdownText.Inline(moment.Description)).Append('\n');
            }

            head.Append('\n');
        }

        return head;
    }

    /// <summary>A timestamp in bold brackets: **[12:34]**.</summary>
    public static string Stamp(TimeSpan at) => $"**[{TranscriptParagraphs.Stamp(at)}]**";
}
