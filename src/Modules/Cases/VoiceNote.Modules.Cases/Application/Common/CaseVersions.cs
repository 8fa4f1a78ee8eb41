using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Concurrency;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Common;

/// <summary>
/// Loading a case for a change: its row is locked for the transaction first, so two participants writing
/// with the same If-Match take turns and the second sees the first one's change (412) instead of overwriting it.
/// </summary>
internal static class CaseVersions
{
    public static async Task<Case> LockCaseAsync(this CasesDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM cases.cases WHERE id = {caseId} FOR UPDATE", cancellationToken);

        // The access check found the case a moment ago and a case row is never removed by the API, so it is there.
        return await db.Cases.FirstAsync(c => c.Id == caseId, cancellationToken);
    }

    /// <summary>Null when the write may go ahead; the stale-version error when If-Match names another version.</summary>
    public static Error? Check(this RepresentationTags tags, string? ifMatch, Case c, CaseCaller caller) =>
        EntityTags.Allow(ifMatch, tags.Of(CaseDto.From(c, caller.Role, caller.Permissions))) ? null : EntityTags.Stale;
}
