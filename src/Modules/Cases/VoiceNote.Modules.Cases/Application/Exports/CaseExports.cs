using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Exports;

/// <summary>
/// What the Exports module asks of cases (docs/decisions/0083). Whether a user may export is the access check's
/// answer for <see cref="CasePermission.Export"/> (ADR 0076), read where the check reads it; a case in the trash is
/// none, even to its owner, as it is to every other use case but reading and restoring it.
/// </summary>
internal sealed class CaseExports(CasesDbContext db) : ICaseExports
{
    public async Task<CaseForExport?> ForExportAsync(Guid caseId, Guid userId, CancellationToken cancellationToken)
    {
        var participant = await db.ParticipationAsync(caseId, new UserId(userId), cancellationToken);
        if (participant is null || participant.CaseIsDeleted)
        {
            return null;
        }

        var found = await db.Cases.AsNoTracking().Include(c => c.Participants).FirstAsync(c => c.Id == caseId, cancellationToken);
        var noteIds = await db.Notes.Where(n => n.CaseId == caseId).OrderBy(n => n.AddedAt).ThenBy(n => n.NoteId).Select(n => n.NoteId).ToListAsync(cancellationToken);
        var audioIds = await db.Recordings.Where(r => r.CaseId == caseId).OrderBy(r => r.AddedAt).ThenBy(r => r.AudioId).Select(r => r.AudioId).ToListAsync(cancellationToken);
        return new CaseForExport(
            found.Id,
            found.Code,
            found.Title,
            found.Description,
            found.StatusCode,
            found.PriorityCode,
            found.CreatedAt,
            found.UpdatedAt,
            found.ClosedAt,
            participant.Permissions.HasFlag(CasePermission.Export),
            found.Participants.OrderBy(p => p.Role).ThenBy(p => p.AddedAt)
                .Select(p => new CaseParticipantForExport(p.UserId.Value, ApiEnum<CaseRole>.NameOf(p.Role), p.AddedAt)).ToList(),
            noteIds,
            audioIds);
    }

    public async Task<IReadOnlyList<Guid>> OwnedCaseIdsAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var owner = new UserId(ownerId);
        return await db.Participants.Where(p => p.UserId == owner && p.Role == CaseRole.Owner)
            .Join(db.Cases.Where(c => !c.IsDeleted), p => p.CaseId, c => c.Id, (p, c) => c.Id)
            .OrderBy(id => id)
            .ToListAsync(cancellationToken);
    }
}
