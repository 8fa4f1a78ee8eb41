using Microsoft.EntityFrameworkCore;

namespace VoiceNote.Modules.Identity.Infrastructure.Persistence;

internal static class UserLocks
{
    /// <summary>
    /// Serialises one user's "insert if missing" writes (an API key per provider, the profile row) with a
    /// transaction-level advisory lock, so two concurrent requests (a double-clicked save) cannot both
    /// insert and make the second fail on the unique key as a 500. Must run inside the command's transaction.
    /// </summary>
    public static async Task LockAsync(this IdentityDbContext db, string area, Guid userId, CancellationToken cancellationToken)
    {
        var key = $"identity.{area}:{userId}";
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
    }
}
