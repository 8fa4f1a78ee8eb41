using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Participants;

/// <summary>
/// What a participant brought from their own library leaves the case with them (ADR 0080, 0079): the notes they
/// linked and the recordings they attached stay theirs and are no longer shown to the case. Recordings uploaded
/// into the case stay: they are the case's. Runs in the transaction that removes the participant.
/// </summary>
internal static class DepartingContents
{
    public static async Task TakeOutAsync(CasesDbContext db, IReadOnlyCollection<Guid> caseIds, UserId user, CancellationToken cancellationToken)
    {
        await db.Notes.Where(n => caseIds.Contains(n.CaseId) && n.OwnerId == user).ExecuteDeleteAsync(cancellationToken);
        await db.Recordings
            .Where(r => caseIds.Contains(r.CaseId) && r.OwnerId == user.Value && r.Source == CaseRecordingSource.Attached)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
