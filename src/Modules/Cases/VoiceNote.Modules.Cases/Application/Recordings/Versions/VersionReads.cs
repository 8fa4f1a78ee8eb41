using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Paging;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Recordings.Versions;

/// <summary>Where a page of versions ends: its number, newest first.</summary>
internal sealed record VersionPosition(int Number);

/// <summary>
/// The version reads of a case recording: each first finds the recording among the case's own rows (not found
/// otherwise, so a case never reaches a recording it does not hold), then reads its versions of one kind.
/// </summary>
internal static class VersionReads
{
    public static async Task<Result<Page<T>>> PageAsync<T>(
        this CasesDbContext db, Guid caseId, Guid audioId, RecordingVersionKind kind, PageQuery paging, Func<RecordingVersion, int, T> map, CancellationToken cancellationToken)
    {
        if (await db.RecordingInCaseAsync(caseId, audioId, cancellationToken) is null)
        {
            return CasesErrors.RecordingNotFound;
        }

        if (!KeysetCursor.TryDecode(paging.Cursor, out VersionPosition? after))
        {
            return KeysetCursor.Invalid;
        }

        var all = db.Versions.AsNoTracking().Where(v => v.AudioId == audioId && v.Kind == kind);
        var current = await all.MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        long? total = paging.CountsTotal ? await all.LongCountAsync(cancellationToken) : null;
        var rows = await all.Where(v => after == null || v.Number < after.Number)
            .OrderByDescending(v => v.Number).Take(paging.Limit + 1).ToListAsync(cancellationToken);
        var page = KeysetPage.From(rows, paging.Limit, last => KeysetCursor.Encode(new VersionPosition(last.Number)), total);
        return new Page<T>(page.Items.Select(v => map(v, current)).ToList(), page.Size, total, page.NextCursor);
    }

    /// <summary>One version and the current number of its kind; not found when the case does not hold the recording or there is no such version.</summary>
    public static async Task<Result<(RecordingVersion Version, int Current)>> OneAsync(
        this CasesDbContext db, Guid caseId, Guid audioId, RecordingVersionKind kind, int number, CancellationToken cancellationToken)
    {
        if (await db.RecordingInCaseAsync(caseId, audioId, cancellationToken) is null)
        {
            return CasesErrors.RecordingNotFound;
        }

        var all = db.Versions.AsNoTracking().Where(v => v.AudioId == audioId && v.Kind == kind);
        var version = await all.FirstOrDefaultAsync(v => v.Number == number, cancellationToken);
        if (version is null)
        {
            return CasesErrors.VersionNotFound;
        }

        return (version, await all.MaxAsync(v => v.Number, cancellationToken));
    }
}
