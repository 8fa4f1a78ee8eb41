using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Exports.Application.Writing;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Notes.Contracts;

namespace VoiceNote.Modules.Exports.Application.Formats.Archives;

/// <summary>
/// The data-portability export (<c>account</c>): the profile and settings (never a secret), every note with its tasks
/// and key moments, every recording's original file with all its transcript versions and analyses, and every case the
/// user owns with its timeline, in one zip with a manifest of checksums. Read page by page and written entry by entry,
/// so its memory does not grow with the account.
/// </summary>
internal sealed class AccountArchiveWriter(
    IAccountExports accounts,
    INoteExports notes,
    IRecordingExports recordings,
    ICaseExports cases,
    ExportDocuments documents,
    ExportWriters writers,
    CaseArchiveParts caseParts,
    TimeProvider clock)
{
    private const int PageSize = 100;

    public async Task WriteAsync(Guid ownerId, Stream output, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var zone = await documents.ZoneOfAsync(ownerId, cancellationToken);
        var noteCount = await notes.CountOwnAsync(ownerId, cancellationToken);
        var totals = await recordings.TotalsOwnAsync(ownerId, cancellationToken);
        var caseIds = await cases.OwnedCaseIdsAsync(ownerId, cancellationToken);
        var items = new ItemProgress(progress, 1 + noteCount + totals.Count + caseIds.Count);

        await using var archive = new ExportArchive(output, "account", clock.GetUtcNow());
        await archive.AddJsonAsync("profile.json", await accounts.ProfileAsync(new UserId(ownerId), cancellationToken), cancellationToken);
        items.Done();

        for (Guid? after = null; ;)
        {
            var page = await notes.PageOwnAsync(ownerId, after, PageSize, cancellationToken);
            // The page's recordings in one read; only the owner's own (a note names its owner's recording).
            var audioIds = page.Select(n => n.AudioId).OfType<Guid>().ToList();
            var recordingsOf = (await recordings.GetAsync(audioIds, cancellationToken)).Where(r => r.Recording.OwnerId == ownerId).ToDictionary(r => r.Recording.AudioId);
            foreach (var note in page)
            {
                var recording = note.AudioId is { } audioId ? recordingsOf.GetValueOrDefault(audioId) : null;
                await ArchivedNotes.AddAsync(archive, writers, ExportDocuments.Build(note, recording, zone), cancellationToken);
                items.Done();
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Id;
        }

        for (Guid? after = null; ;)
        {
            var page = await recordings.PageOwnAsync(ownerId, after, PageSize, cancellationToken);
            foreach (var recording in page)
            {
                await ArchivedRecordings.AddAsync(archive, recording, cancellationToken);
                items.Done();
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Recording.AudioId;
        }

        foreach (var caseId in caseIds)
        {
            if (await cases.ForExportAsync(caseId, ownerId, cancellationToken) is { } owned)
            {
                await caseParts.AddCaseAsync(archive, owned, $"cases/{ExportArchive.Segment(owned.Code)}", cancellationToken);
            }

            items.Done();
        }

        await archive.FinishAsync(cancellationToken);
    }
}

/// <summary>Progress as the share of items written.</summary>
internal sealed class ItemProgress(IProgress<int> progress, int total)
{
    private int _done;

    public void Done() => progress.Report(Math.Min(99, ++_done * 100 / Math.Max(1, total)));
}
