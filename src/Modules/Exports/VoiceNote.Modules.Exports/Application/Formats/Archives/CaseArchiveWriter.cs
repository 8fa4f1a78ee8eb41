using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Exports.Application.Writing;
using VoiceNote.Modules.Notes.Contracts;

namespace VoiceNote.Modules.Exports.Application.Formats.Archives;

/// <summary>
/// A case's export (<c>case</c>): the case and its participants, its timeline, its notes (JSON and Markdown), and its
/// recordings with their original files, transcripts and analyses (the current version marked), in one zip with a
/// manifest of checksums. The requester's access was checked by the caller, who passes the case as they see it.
/// </summary>
internal sealed class CaseArchiveWriter(
    INoteExports notes,
    IRecordingExports recordings,
    ExportDocuments documents,
    ExportWriters writers,
    CaseArchiveParts parts,
    TimeProvider clock)
{
    private const int PageSize = 100;

    public async Task WriteAsync(CaseForExport @case, Guid requesterId, Stream output, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var zone = await documents.ZoneOfAsync(requesterId, cancellationToken);
        var items = new ItemProgress(progress, 1 + @case.NoteIds.Count + @case.AudioIds.Count);
        await using var archive = new ExportArchive(output, "case", clock.GetUtcNow());
        await parts.AddCaseAsync(archive, @case, string.Empty, cancellationToken);
        items.Done();

        // A page at a time, notes and then recordings, so a large case never sits in memory at once.
        var inCase = @case.AudioIds.ToHashSet();
        foreach (var chunk in @case.NoteIds.Chunk(PageSize))
        {
            var page = await notes.GetAsync(chunk, cancellationToken);

            // A note's recording travels with it when it is in the case too; otherwise only the note is the case's.
            var theirs = page.Select(n => n.AudioId).OfType<Guid>().Where(inCase.Contains).ToList();
            var recordingsOf = (await recordings.GetAsync(theirs, cancellationToken)).ToDictionary(r => r.Recording.AudioId);
            foreach (var note in page)
            {
                var recording = note.AudioId is { } audioId ? recordingsOf.GetValueOrDefault(audioId) : null;
                await ArchivedNotes.AddAsync(archive, writers, ExportDocuments.Build(note, recording, zone), cancellationToken);
                items.Done();
            }
        }

        foreach (var chunk in @case.AudioIds.Chunk(PageSize))
        {
            foreach (var recording in await recordings.GetAsync(chunk, cancellationToken))
            {
                await ArchivedRecordings.AddAsync(archive, recording, cancellationToken);
                items.Done();
            }
        }

        await archive.FinishAsync(cancellationToken);
    }
}
