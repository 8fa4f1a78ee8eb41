using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Cases.Application.Participants.DepartedUsers;

/// <summary>
/// A restored account gets back, as their owner, the cases that waited for it in the trash (ADR 0081) and were
/// not purged meanwhile; they leave the trash with the participants who stayed in them. Cases that passed to
/// somebody else stay with them, and the user is not put back into cases others kept: they invite them again.
/// Running it again finds nothing waiting and changes nothing.
/// </summary>
internal sealed class ReturnCasesToRestoredUser(CasesDbContext db, TimeProvider clock) : IIntegrationEventHandler<UserRestored>
{
    public async Task Handle(UserRestored integrationEvent, CancellationToken cancellationToken)
    {
        var user = new UserId(integrationEvent.UserId);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM cases.cases WHERE orphaned_by = {user.Value} ORDER BY id FOR UPDATE", cancellationToken);
        var waiting = await db.Cases.Include(c => c.Participants).Where(c => c.OrphanedBy == user).ToListAsync(cancellationToken);
        var now = clock.NowForDatabase();
        foreach (var adopted in waiting)
        {
            if (adopted.Participants.FirstOrDefault(p => p.UserId == user) is { } still)
            {
                still.Change(CaseRole.Owner, null, now);
            }
            else
            {
                db.Participants.Add(CaseParticipant.Join(adopted.Id, user, CaseRole.Owner, null, user, now));
            }

            adopted.Adopt(now);
            db.Publish(new CaseParticipantChanged(adopted.Id, user.Value, user.Value, ApiEnum<CaseRole>.NameOf(CaseRole.Owner), now));
        }
    }
}
