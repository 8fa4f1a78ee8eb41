using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Cases.PurgeExpiredCases;

/// <summary>
/// Removes up to <see cref="Batch"/> cases that have been in the trash longer than <c>Cases:TrashRetentionDays</c>
/// (ADR 0081): their rows go (participants, note links and recordings with them through the foreign key, then the versions of
/// recordings no case holds any more), and <see cref="CasePurged"/> goes out
/// once per case in the same transaction, so other modules remove what they keep for it. Sent by the <c>cases.trash</c> retention rule.
/// </summary>
internal sealed record PurgeExpiredCases(int Batch = PurgeExpiredCases.DefaultBatch) : ICommand<int>, ISystemRequest
{
    public const int DefaultBatch = 200;
}

internal sealed class PurgeExpiredCasesHandler(CasesDbContext db, IOptionsMonitor<CasesOptions> options, TimeProvider clock) : ICommandHandler<PurgeExpiredCases, int>
{
    public async Task<Result<int>> Handle(PurgeExpiredCases request, CancellationToken cancellationToken)
    {
        var now = clock.NowForDatabase();
        var cutoff = now - options.CurrentValue.TrashRetention;

        // The recordings the expired cases hold, read first: the foreign key takes their rows with the cases.
        var held = await db.Database.SqlQuery<Guid>($"""
            SELECT DISTINCT r.audio_id AS "Value" FROM cases.recordings r JOIN cases.cases c ON c.id = r.case_id
            WHERE c.is_deleted AND c.deleted_at < {cutoff}
            """).ToListAsync(cancellationToken);

        // One statement takes and removes them: a purger in another process skips the rows this one holds, and a
        // row it removed is not there for the other, so each case is purged (and announced) once.
        var purged = await db.Database.SqlQuery<Guid>($"""
            DELETE FROM cases.cases WHERE id IN (
                SELECT id FROM cases.cases WHERE is_deleted AND deleted_at < {cutoff}
                ORDER BY deleted_at LIMIT {request.Batch} FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        if (purged.Count > 0 && held.Count > 0)
        {
            // Versions are kept per recording, shared by the cases that hold it: those no case holds any more go too.
            await db.Database.ExecuteSqlAsync(
                $"DELETE FROM cases.recording_versions v WHERE v.audio_id = ANY({held}) AND NOT EXISTS (SELECT 1 FROM cases.recordings r WHERE r.audio_id = v.audio_id)",
                cancellationToken);
        }

        foreach (var id in purged)
        {
            db.Publish(new CasePurged(id, now));
        }

        return purged.Count;
    }
}
