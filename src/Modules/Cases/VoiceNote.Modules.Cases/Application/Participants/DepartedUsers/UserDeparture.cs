using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Participants.DepartedUsers;

/// <summary>
/// An account leaves every case at once, in one transaction (ADR 0081): when it is deleted, and again when it is
/// purged (a restored backup may hold it as a participant still). A case it owned alone passes to its
/// longest-standing editor, or, with no editor, goes to the trash kept for the user (<see cref="Case.Orphan"/>) and
/// is purged with the trash unless the account comes back first. Running it again finds no row of the user and
/// changes nothing.
/// </summary>
internal static class UserDeparture
{
    public static async Task ReleaseAsync(CasesDbContext db, UserId user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The cases' rows first, in one order, as every participant change locks its case: an owner leaving or
        // being demoted meanwhile waits, so no case can end up with no owner between the two.
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM cases.cases WHERE id IN (SELECT case_id FROM cases.participants WHERE user_id = {user.Value}) ORDER BY id FOR UPDATE",
            cancellationToken);
        var departing = await db.Participants.Where(p => p.UserId == user).ToListAsync(cancellationToken);
        if (departing.Count == 0)
        {
            return;
        }

        var caseIds = departing.Select(p => p.CaseId).ToList();
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var owned = departing.Where(p => p.Role == CaseRole.Owner).Select(p => p.CaseId).ToList();
        var successors = await db.Participants
            .Where(p => owned.Contains(p.CaseId) && p.UserId != user && (p.Role == CaseRole.Owner || p.Role == CaseRole.Editor))
            .ToListAsync(cancellationToken);

        foreach (var caseId in owned)
        {
            var others = successors.Where(p => p.CaseId == caseId).ToList();
            if (others.Any(p => p.Role == CaseRole.Owner))
            {
                continue;
            }

            if (others.OrderBy(p => p.AddedAt).ThenBy(p => p.UserId.Value).FirstOrDefault() is { } editor)
            {
                editor.Change(CaseRole.Owner, null, now);
                db.Publish(new CaseParticipantChanged(caseId, editor.UserId.Value, user.Value, ApiEnum<CaseRole>.NameOf(CaseRole.Owner), now));
            }
            else
            {
                cases[caseId].Orphan(user, now);
            }
        }

        await DepartingContents.TakeOutAsync(db, caseIds, user, cancellationToken);
        foreach (var participant in departing)
        {
            db.Participants.Remove(participant);
            cases[participant.CaseId].Touch(now);
            db.Publish(new CaseParticipantChanged(participant.CaseId, user.Value, user.Value, Role: null, now));
        }
    }
}
