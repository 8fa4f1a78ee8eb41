using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Application.Exports;

/// <summary>
/// What the Exports module reads of recordings (docs/decisions/0083), in the background with no caller: the owner is
/// named instead of filtered on, except in <see cref="GetAsync"/>, for the recordings of a case the Cases module vouched for.
/// Each page costs three queries (files, transcripts, analyses), whatever its size.
/// </summary>
internal sealed class RecordingExports(RecordingReads reads) : IRecordingExports
{
    /// <summary>The most recordings one page reads: each comes with every transcript and analysis.</summary>
    public const int MaxPage = 500;

    public async Task<RecordingForExport?> FindOwnAsync(Guid audioId, Guid ownerId, CancellationToken cancellationToken)
    {
        var owner = new UserId(ownerId);
        var file = await reads.AnyOwner.FirstOrDefaultAsync(a => a.Id == audioId && a.OwnerId == owner, cancellationToken);
        return file is null ? null : (await ForExportAsync([file], cancellationToken))[0];
    }

    public async Task<IReadOnlyList<RecordingForExport>> GetAsync(IReadOnlyCollection<Guid> audioIds, CancellationToken cancellationToken)
    {
        if (audioIds.Count == 0)
        {
            return [];
        }

        var ids = audioIds.Distinct().ToList();
        return await ForExportAsync(await reads.AnyOwner.Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<RecordingForExport>> PageOwnAsync(Guid ownerId, Guid? after, int take, CancellationToken cancellationToken)
    {
        if (take <= 0)
        {
            return [];
        }

        var owner = new UserId(ownerId);
        var query = reads.AnyOwner.Where(a => a.OwnerId == owner);
        if (after is { } last)
        {
            query = query.Where(a => a.Id.CompareTo(last) > 0);
        }

        return await ForExportAsync(await query.OrderBy(a => a.Id).Take(Math.Min(take, MaxPage)).ToListAsync(cancellationToken), cancellationToken);
    }

    public async Task<RecordingTotals> TotalsOwnAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var owner = new UserId(ownerId);
        var owned = reads.AnyOwner.Where(a => a.OwnerId == owner);
        return new RecordingTotals(await owned.CountAsync(cancellationToken), await owned.SumAsync(a => a.SizeBytes, cancellationToken));
    }

    private async Task<IReadOnlyList<RecordingForExport>> ForExportAsync(IReadOnlyList<AudioFile> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return [];
        }

        var runs = await reads.RunsAsync(files, cancellationToken);
        return files.Select(f => new RecordingForExport(
            RecordingReads.SummaryOf(f),
            f.OriginalName,
            reads.ContentOf(f.StorageKey, f.Format),
            runs[f.Id].Versions,
            runs[f.Id].NewestWords)).ToList();
    }
}
