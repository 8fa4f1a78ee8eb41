using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Identity.Application.Sessions;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Admins.Common;

/// <summary>
/// What every admin command on an account shares: lock and load the target, the last-admin and
/// self-change rules, ending sessions, and the audit row written in the command's own transaction (and published for the activity log).
/// </summary>
internal sealed class UserAdministration(IdentityDbContext db, ICurrentUser caller, SessionIssuer sessions, TimeProvider clock)
{
    /// <summary>
    /// One transaction-scoped advisory lock serialises admin changes to accounts. Without it, two
    /// managers revoking each other at the same moment would each still see the other and both succeed,
    /// leaving nobody who can manage admins. Admin changes are rare, so one lock costs nothing.
    /// </summary>
    private const long AdminChangesLockKey = 0x564E_4144_4D49_4E;

    private const int MaxIpLength = 64;

    public Guid ActorId => caller.Id.Value;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// Takes the admin-changes lock and loads the target row FOR UPDATE, so a concurrent sign-in or
    /// profile change cannot slip between our check and our write. Needs the command's transaction.
    /// </summary>
    public async Task<User?> LockTargetAsync(Guid userId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdminChangesLockKey})", cancellationToken);
        var rows = await db.Users.FromSql($"SELECT * FROM identity.users WHERE id = {userId} FOR UPDATE").ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }

    /// <summary>
    /// The rules every change to another account passes: it may not take the last active
    /// can_manage_admins holder out of that role (<paramref name="endsManagerRole"/>), and the target
    /// may not be the caller. The last-admin answer comes first: it tells a sole admin what to do.
    /// </summary>
    public async Task<Error?> RefuseAsync(User target, bool endsManagerRole, CancellationToken cancellationToken)
    {
        if (endsManagerRole && await IsLastManagerAsync(target, cancellationToken))
        {
            return AdminErrors.LastAdmin;
        }

        return target.Id == ActorId ? AdminErrors.SelfChange : null;
    }

    /// <summary>
    /// Is this the only account that can manage admins right now? Any use case that ends an account's
    /// manager role (e.g. deleting one's own account) asks this after <see cref="LockTargetAsync"/>.
    /// </summary>
    public async Task<bool> IsLastManagerAsync(User target, CancellationToken cancellationToken) =>
        IsManager(target) && !await AnotherManagerExistsAsync(target.Id, cancellationToken);

    /// <summary>Ends every live session of the target: their access tokens stop on the next request.</summary>
    public Task<int> EndSessionsAsync(Guid userId, string reason, CancellationToken cancellationToken) =>
        sessions.RevokeAllAsync(userId, reason, except: null, cancellationToken);

    /// <summary>Adds the audit row and stamps the acting admin's last action, both in the command's transaction.</summary>
    public async Task RecordAsync(string action, Guid? targetUserId, object? details, string? callerIp, CancellationToken cancellationToken)
    {
        var now = Now;
        db.AdminActions.Add(new AdminAction
        {
            Id = Guid.CreateVersion7(),
            AdminId = ActorId,
            Action = action,
            TargetUserId = targetUserId,
            Details = details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
            IpAddress = callerIp is { Length: > MaxIpLength } ? callerIp[..MaxIpLength] : callerIp,
            At = now,
        });
        db.Publish(new AdminActionTaken(ActorId, action, targetUserId, now));

        // A set-based update: it does not touch the actor's concurrency stamp, so the actor signing in
        // elsewhere at the same moment cannot make this command fail.
        var actorId = ActorId;
        await db.Users.Where(u => u.Id == actorId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AdminLastActionAt, now), cancellationToken);
    }

    /// <summary>An account that can manage admins right now: admin, the permission, able to sign in.</summary>
    public static bool IsManager(User user) =>
        user.IsAdmin && user.CanSignIn && user.AdminPermissions.Contains(AdminPermissions.CanManageAdmins, StringComparer.Ordinal);

    private Task<bool> AnotherManagerExistsAsync(Guid exceptUserId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(
            u => u.Id != exceptUserId && u.IsAdmin && u.IsActive && !u.IsDeleted && u.AdminPermissions.Contains(AdminPermissions.CanManageAdmins),
            cancellationToken);
}
