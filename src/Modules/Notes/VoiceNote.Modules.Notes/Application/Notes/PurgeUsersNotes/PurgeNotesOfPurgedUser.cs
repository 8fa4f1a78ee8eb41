using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Infrastructure.Outbox;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Application.Notes.PurgeNote;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Notes.PurgeUsersNotes;

/// <summary>
/// A purged account's notes go for good, in the trash or not, through the one purge path (<see cref="NotePurging"/>:
/// tasks, transcripts and passages with them, <c>NotePurged</c> per note for the other modules); the notes it
/// moderated keep the moderation without the moderator (ADR 0085). A second delivery finds nothing of the user left.
/// </summary>
internal sealed class PurgeNotesOfPurgedUser(NotesDbContext db, TimeProvider clock) : IIntegrationEventHandler<UserPurged>
{
    public async Task Handle(UserPurged integrationEvent, CancellationToken cancellationToken)
    {
        var user = integrationEvent.UserId;
        var owned = await db.Notes.FromSql($"SELECT * FROM notes.notes WHERE owner_id = {user} FOR UPDATE")
            .IgnoreQueryFilters().Select(n => n.Id).ToListAsync(cancellationToken);
        await NotePurging.PurgeAsync(db, owned.Select(id => (id, user)).ToList(), clock.NowForDatabase(), cancellationToken);
        await db.Database.ExecuteSqlAsync($"UPDATE notes.notes SET moderated_by = NULL WHERE moderated_by = {user}", cancellationToken);
        await OutboxScrub.ForgetDeliveredAsync(db, user, cancellationToken);
    }
}
