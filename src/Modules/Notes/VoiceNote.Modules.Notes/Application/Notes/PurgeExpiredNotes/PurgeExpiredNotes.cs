using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Application.Notes.PurgeNote;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Notes.PurgeExpiredNotes;

/// <summary>
/// Purges up to <see cref="Batch"/> notes that have been in the trash longer than <c>Notes:TrashRetentionDays</c>
/// through the owner's own purge path (<see cref="NotePurging"/>), so each still announces <c>NotePurged</c>. Sent by
/// the <c>notes.trash</c> retention rule (ADR 0084); answers how many went.
/// </summary>
internal sealed record PurgeExpiredNotes(int Batch = PurgeExpiredNotes.DefaultBatch) : ICommand<int>, ISystemRequest
{
    public const int DefaultBatch = 200;
}

internal sealed class PurgeExpiredNotesHandler(NotesDbContext db, IOptionsMonitor<NotesOptions> options, TimeProvider clock) : ICommandHandler<PurgeExpiredNotes, int>
{
    public async Task<Result<int>> Handle(PurgeExpiredNotes request, CancellationToken cancellationToken)
    {
        var now = clock.NowForDatabase();
        DateTimeOffset? cutoff = now - TimeSpan.FromDays(options.CurrentValue.TrashRetentionDays);

        // Locked while we purge: a user emptying the trash at the same moment skips nothing twice.
        var expired = await db.Notes
            .FromSql($"SELECT * FROM notes.notes WHERE is_deleted AND deleted_at < {cutoff} ORDER BY deleted_at LIMIT {request.Batch} FOR UPDATE SKIP LOCKED")
            .IgnoreQueryFilters()
            .Select(n => new { n.Id, n.OwnerId })
            .ToListAsync(cancellationToken);
        await NotePurging.PurgeAsync(db, expired.Select(n => (n.Id, n.OwnerId.Value)).ToList(), now, cancellationToken);
        return expired.Count;
    }
}
