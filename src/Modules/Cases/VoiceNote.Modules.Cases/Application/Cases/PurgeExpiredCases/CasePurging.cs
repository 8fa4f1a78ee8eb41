using Microsoft.EntityFrameworkCore;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Cases.PurgeExpiredCases;

/// <summary>
/// The one way a case leaves for good, whoever asks (the trash rule, a purged owner): its rows go (participants, note
/// links and recordings with them through the foreign key, then the versions of recordings no case holds any more),
/// and <see cref="CasePurged"/> goes out once per case in the same transaction, so other modules remove what they
/// keep for it. The caller has locked the cases.
/// </summary>
internal static class CasePurging
{
    public static async Task PurgeAsync(CasesDbContext db, IReadOnlyList<Guid> caseIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (caseIds.Count == 0)
        {
            return;
        }

        // The recordings the cases hold, read first: the foreign key takes their rows with the cases.
        var held = await db.Recordings.Where(r => caseIds.Contains(r.CaseId)).Select(r => r.AudioId).Distinct().ToListAsync(cancellationToken);
        await db.Cases.Where(c => caseIds.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        if (held.Count > 0)
        {
            await db.Database.ExecuteSqlAsync(
                $"DELETE FROM cases.recording_versions v WHERE v.audio_id = ANY({held}) AND NOT EXISTS (SELECT 1 FROM cases.recordings r WHERE r.audio_id = v.audio_id)",
                cancellationToken);
        }

        foreach (var id in caseIds)
        {
            db.Publish(new CasePurged(id, now));
        }
    }
}
