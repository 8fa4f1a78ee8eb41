using Microsoft.EntityFrameworkCore;
using VoiceNote.Infrastructure.Persistence;

namespace VoiceNote.Infrastructure.Outbox;

/// <summary>
/// A purged user's id leaves a module's delivered (or parked) outbox messages too (ADR 0085): the events were
/// delivered, so nothing needs them any more. Messages still waiting are left to be delivered.
/// </summary>
public static class OutboxScrub
{
    public static Task<int> ForgetDeliveredAsync(ModuleDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var pattern = "%" + userId.ToString("D") + "%";
        var sql = "DELETE FROM " + Sql.Identifier(db.Schema) + ".outbox_messages WHERE (processed_at IS NOT NULL OR parked_at IS NOT NULL) AND payload::text LIKE {0}";
        return db.Database.ExecuteSqlRawAsync(sql, [pattern], cancellationToken);
    }
}
