using VoiceNote.Modules.Exports.Application.Documents;

namespace VoiceNote.Modules.Exports.Application.Formats;

/// <summary>
/// Writes one note in one format. A writer streams to its output as it goes (a two-hour transcript
/// never sits in memory twice) and reports its progress 0–100 as the share of the note it has written.
/// </summary>
internal interface INoteWriter
{
    ExportFormat Format { get; }

    Task WriteAsync(NoteDocument note, Stream output, IProgress<int> progress, CancellationToken cancellationToken);
}
