using Microsoft.EntityFrameworkCore;
using VoiceNote.Infrastructure.Outbox;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Purging;

/// <summary>
/// Removes an account from Identity for good, inside the calling command's transaction (ADR 0085): OpenIddict tokens
/// and authorizations, the partner clients it registered, its API keys, sessions and profile, the user row itself (no
/// tombstone: nothing here needs one, the purge log outside the database is the record), and the delivered outbox
/// messages that named it; the admin trail and the admins it appointed keep their rows without the account's id. The id goes into the purge log,
/// forced to disk, before the transaction commits; <see cref="UserPurged"/> goes out in it.
/// </summary>
internal sealed class UserPurger(IdentityDbContext db, PurgeLog log, TimeProvider clock)
{
    public async Task PurgeAsync(Guid userId, bool logged, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var subject = userId.ToString("D");
        await db.Database.ExecuteSqlAsync($"""
            WITH apps AS (SELECT a.id FROM identity.openiddict_applications a JOIN identity.oauth_clients c ON c.client_id = a.client_id WHERE c.owner_id = {userId})
            DELETE FROM identity.openiddict_tokens WHERE subject = {subject} OR application_id IN (SELECT id FROM apps)
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            WITH apps AS (SELECT a.id FROM identity.openiddict_applications a JOIN identity.oauth_clients c ON c.client_id = a.client_id WHERE c.owner_id = {userId})
            DELETE FROM identity.openiddict_authorizations WHERE subject = {subject} OR application_id IN (SELECT id FROM apps)
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM identity.openiddict_applications WHERE client_id IN (SELECT client_id FROM identity.oauth_clients WHERE owner_id = {userId})",
            cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM identity.oauth_clients WHERE owner_id = {userId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM identity.api_keys WHERE owner_id = {userId}", cancellationToken);

        // The trail of what admins did stays, without the account: as its target, and as the admin when it was one.
        await db.Database.ExecuteSqlAsync(
            $"UPDATE identity.admin_actions SET target_user_id = NULL, details = NULL, ip_address = NULL WHERE target_user_id = {userId}", cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE identity.admin_actions SET admin_id = {Guid.Empty}, ip_address = NULL WHERE admin_id = {userId}", cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE identity.users SET admin_granted_by = {Guid.Empty.ToString("D")} WHERE admin_granted_by = {subject}", cancellationToken);

        // Sessions, refresh tokens and the profile go with the row (ON DELETE CASCADE).
        await db.Database.ExecuteSqlAsync($"DELETE FROM identity.users WHERE id = {userId}", cancellationToken);
        await OutboxScrub.ForgetDeliveredAsync(db, userId, cancellationToken);

        if (!logged)
        {
            await log.AppendAsync(userId, now, cancellationToken);
        }

        db.Publish(new UserPurged(userId, now));
    }
}
