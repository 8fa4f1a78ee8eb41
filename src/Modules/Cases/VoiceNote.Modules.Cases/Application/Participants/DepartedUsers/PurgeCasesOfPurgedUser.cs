using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Outbox;
using VoiceNote.Modules.Cases.Application.Cases.PurgeExpiredCases;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Cases.Application.Participants.DepartedUsers;

/// <summary>
/// A purged account (ADR 0085) leaves every case it still takes part in (<see cref="UserDeparture"/>); the cases that
/// went to the trash with it are purged now, not after the trash's period; what it brought from its library leaves
/// the rest; and what stays (cases it created, recordings it uploaded into a case, versions it started, people it
/// added) is kept without its id: <see cref="Guid.Empty"/> stands for an account that no longer exists. A second
/// delivery finds nothing of the user left.
/// </summary>
internal sealed class PurgeCasesOfPurgedUser(CasesDbContext db, TimeProvider clock) : IIntegrationEventHandler<UserPurged>
{
    public async Task Handle(UserPurged integrationEvent, CancellationToken cancellationToken)
    {
        var user = new UserId(integrationEvent.UserId);
        var id = user.Value;
        var now = clock.NowForDatabase();
        await UserDeparture.ReleaseAsync(db, user, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var orphaned = await db.Database.SqlQuery<Guid>($"""SELECT id AS "Value" FROM cases.cases WHERE orphaned_by = {id} ORDER BY id FOR UPDATE""")
            .ToListAsync(cancellationToken);
        await CasePurging.PurgeAsync(db, orphaned, now, cancellationToken);

        var attached = await db.Recordings.Where(r => r.OwnerId == id && r.Source == CaseRecordingSource.Attached).Select(r => r.AudioId).Distinct()
            .ToListAsync(cancellationToken);
        await db.Recordings.Where(r => attached.Contains(r.AudioId)).ExecuteDeleteAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM cases.recording_versions WHERE audio_id = ANY({attached})", cancellationToken);
        await db.Notes.Where(n => n.OwnerId == user).ExecuteDeleteAsync(cancellationToken);

        await db.Database.ExecuteSqlAsync($"UPDATE cases.cases SET created_by = {Guid.Empty} WHERE created_by = {id}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"UPDATE cases.participants SET added_by = {Guid.Empty} WHERE added_by = {id}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"UPDATE cases.case_notes SET added_by = {Guid.Empty} WHERE added_by = {id}", cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE cases.recordings SET owner_id = CASE WHEN owner_id = {id} THEN {Guid.Empty} ELSE owner_id END, added_by = CASE WHEN added_by = {id} THEN {Guid.Empty} ELSE added_by END WHERE owner_id = {id} OR added_by = {id}",
            cancellationToken);
        await db.Database.ExecuteSqlAsync($"UPDATE cases.recording_versions SET started_by = {Guid.Empty} WHERE started_by = {id}", cancellationToken);
        await OutboxScrub.ForgetDeliveredAsync(db, id, cancellationToken);
    }
}
