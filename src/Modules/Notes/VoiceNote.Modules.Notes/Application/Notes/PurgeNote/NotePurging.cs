using Microsoft.EntityFrameworkCore;
using VoiceNote.Modules.Notes.Contracts;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Notes.PurgeNote;

/// <summary>
/// The one way a note leaves for good, whoever asks (its owner, the trash rule): the rows go (transcripts and tasks
/// with them through the foreign keys' ON DELETE CASCADE) and <see cref="NotePurged"/> goes out per note in the same
/// transaction, so other modules forget what they keep for it.
/// </summary>
internal static class NotePurging
{
    public static async Task PurgeAsync(NotesDbContext db, IReadOnlyCollection<(Guid Id, Guid OwnerId)> notes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (notes.Count == 0)
        {
            return;
        }

        var ids = notes.Select(n => n.Id).ToList();
        await db.Notes.IgnoreQueryFilters().Where(n => ids.Contains(n.Id)).ExecuteDeleteAsync(cancellationToken);
        foreach (var (id, ownerId) in notes)
        {
            db.Publish(new NotePurged(id, ownerId, now));
        }
    }
}
