using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Access;

/// <summary>A user's part in a case as the access check (ADR 0076) reads it: the one place it is read and computed.</summary>
internal static class CaseParticipation
{
    /// <summary>The user's role and effective permissions in the case, with its trash flag; null when they take no part (or it is missing).</summary>
    public static async Task<CaseParticipantView?> ParticipationAsync(this CasesDbContext db, Guid caseId, UserId userId, CancellationToken cancellationToken)
    {
        var row = await db.Participants.AsNoTracking()
            .Where(p => p.CaseId == caseId && p.UserId == userId)
            .Join(db.Cases, p => p.CaseId, c => c.Id, (p, c) => new { p.Role, p.GrantedPermissions, c.IsDeleted })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new CaseParticipantView(caseId, row.Role, CasePermissions.Effective(row.Role, row.GrantedPermissions), row.IsDeleted);
    }
}
