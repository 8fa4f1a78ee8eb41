using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Application.ApiKeys;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Application.Profiles;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application;

/// <summary>
/// An account as its owner's data-portability export takes it (docs/decisions/0083): profile and settings, and which
/// providers hold a stored key. Read in the background with no caller, so the owner filter is lifted and the owner named;
/// the keys' ciphertext is never selected, let alone decrypted.
/// </summary>
internal sealed class AccountExports(IdentityDbContext db) : IAccountExports
{
    public async Task<AccountForExport?> ProfileAsync(UserId userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().WithSpecification(new UserById(userId.Value, includeDeleted: false)).FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var providers = await db.ApiKeys.IgnoreQueryFilters([ModuleDbContext.OwnerFilter])
            .Where(k => k.OwnerId == userId).Select(k => k.Provider).ToListAsync(cancellationToken);
        return new AccountForExport(
            user.Id,
            user.UserName ?? string.Empty,
            user.Email ?? string.Empty,
            user.DisplayName,
            user.CreatedAt,
            await db.ContextOfAsync(user, cancellationToken),
            providers.OrderBy(ApiKeyProviderNames.Of, StringComparer.Ordinal).ToList());
    }
}
