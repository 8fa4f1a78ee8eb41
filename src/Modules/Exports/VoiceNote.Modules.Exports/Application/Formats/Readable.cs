using System.Globalization;
using System.Text;
using VoiceNote.Modules.Exports.Application.Documents;

namespace VoiceNote.Modules.Exports.Application.Formats;

/// <summary>How the text formats (plain text, Markdown, subtitles, Word) open their output and print times for a person.</summary>
internal static class Readable
{
    /// <summary>UTF-8 without a byte order mark (subtitle players and front-matter readers choke on one), LF line ends.</summary>
    public static StreamWriter Open(Stream output) =>
        new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\n" };

    /// <summary>A time as the note's owner reads it, in their zone, to the minute: 2026-11-30 09:45.</summary>
    public static string Time(NoteDocument note, DateTimeOffset at) =>
        note.InOwnerZone(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The recording's length as its timestamps print it (35:00, 1:02:03).</summary>
    public static string Duration(TimeSpan? duration) => duration is { } length ? TranscriptParagraphs.Stamp(length) : "unknown";

    /// <summary>One line of user text: a title or a task may carry line breaks that would end the line early.</summary>
    public static string OneLine(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
