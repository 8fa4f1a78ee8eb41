using VoiceNote.Modules.Exports.Application.Documents;
using VoiceNote.Modules.Exports.Application.Writing;

namespace VoiceNote.Modules.Exports.Application.Formats.Archives;

/// <summary>How every archive keeps a note: its full structure as JSON and a readable Markdown copy, in one folder.</summary>
internal static class ArchivedNotes
{
    private static readonly IProgress<int> Unwatched = new Progress<int>();

    public static string FolderOf(NoteDocument note) =>
        $"notes/{note.InOwnerZone(note.RecordedAt):yyyy-MM-dd}-{ExportArchive.Segment(note.Title, 40)}-{note.NoteId.ToString("N")[..8]}";

    public static async Task AddAsync(ExportArchive archive, ExportWriters writers, NoteDocument note, CancellationToken cancellationToken)
    {
        var folder = FolderOf(note);
        await archive.AddAsync($"{folder}/note.json", s => writers.For(ExportFormat.Json).WriteAsync(note, s, Unwatched, cancellationToken));
        await archive.AddAsync($"{folder}/note.md", s => writers.For(ExportFormat.MarkdownTranscript).WriteAsync(note, s, Unwatched, cancellationToken));
    }
}
