using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Purging;

/// <summary>
/// Purges one account on nobody's behalf: the <c>users.deleted</c> rule (a soft-deleted account past its grace
/// period) or a replay of the purge log (<paramref name="FromLog"/>: the account is purged whatever its state, since a
/// restored backup may hold it from before it was even deleted, and the log already names it). Answers whether an
/// account was purged.
/// </summary>
internal sealed record PurgeDeletedUser(Guid UserId, bool FromLog = false) : ICommand<bool>, ISystemRequest;

internal sealed class PurgeDeletedUserHandler(IdentityDbContext db, UserPurger purger) : ICommandHandler<PurgeDeletedUser, bool>
{
    public async Task<Result<bool>> Handle(PurgeDeletedUser request, CancellationToken cancellationToken)
    {
        var found = await db.Users.FromSql($"SELECT * FROM identity.users WHERE id = {request.UserId} FOR UPDATE")
            .IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (found is null || (!found.IsDeleted && !request.FromLog))
        {
            return false;
        }

        await purger.PurgeAsync(found.Id, logged: request.FromLog, cancellationToken);
        return true;
    }
}
