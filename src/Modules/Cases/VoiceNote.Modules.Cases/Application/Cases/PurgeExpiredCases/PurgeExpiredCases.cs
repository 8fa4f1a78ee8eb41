using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Cases.PurgeExpiredCases;

/// <summary>
/// Removes up to <see cref="Batch"/> cases that have been in the trash longer than <c>Cases:TrashRetentionDays</c>
/// (ADR 0081) through <see cref="CasePurging"/>. Sent by the <c>cases.trash</c> retention rule; answers how many went.
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

        // Locked and skipped by a purger in another process, so each case is purged (and announced) once.
        var expired = await db.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM cases.cases WHERE is_deleted AND deleted_at < {cutoff}
            ORDER BY deleted_at LIMIT {request.Batch} FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        await CasePurging.PurgeAsync(db, expired, now, cancellationToken);
        return expired.Count;
    }
}
