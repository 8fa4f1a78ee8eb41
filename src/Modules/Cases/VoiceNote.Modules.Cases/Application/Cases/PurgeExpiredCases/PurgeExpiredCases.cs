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
/// (ADR 0081): their rows go (participants with them through the foreign key), and <see cref="CasePurged"/> goes out
/// once per case in the same transaction, so other modules remove what they keep for it. Sent by the trash purger.
/// </summary>
internal sealed record PurgeExpiredCases(int Batch = PurgeExpiredCases.DefaultBatch) : ICommand<int>, ISystemRequest
{
    public const int DefaultBatch = 200;
}

internal sealed class PurgeExpiredCasesHandler(CasesDbContext db, IOptions<CasesOptions> options, TimeProvider clock) : ICommandHandler<PurgeExpiredCases, int>
{
    public async Task<Result<int>> Handle(PurgeExpiredCases request, CancellationToken cancellationToken)
    {
        var now = clock.NowForDatabase();
        var cutoff = now - options.Value.TrashRetention;

        // One statement takes and removes them: a purger in another process skips the rows this one holds, and a
        // row it removed is not there for the other, so each case is purged (and announced) once.
        var purged = await db.Database.SqlQuery<Guid>($"""
            DELETE FROM cases.cases WHERE id IN (
                SELECT id FROM cases.cases WHERE is_deleted AND deleted_at < {cutoff}
                ORDER BY deleted_at LIMIT {request.Batch} FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        foreach (var id in purged)
        {
            db.Publish(new CasePurged(id, now));
        }

        return purged.Count;
    }
}
