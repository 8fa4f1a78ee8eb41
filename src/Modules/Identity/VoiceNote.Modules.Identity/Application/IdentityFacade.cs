using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Crypto;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Application.ApiKeys;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Application.Profiles;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application;

/// <summary>The module's published queries. Callers are other modules' background work, so the owner filter is lifted by id here.</summary>
internal sealed class IdentityFacade(IdentityDbContext db, ISecretProtector protector, ILookupNormalizer normalizer) : IIdentityModule
{
    public async Task<UserContext?> GetUserContextAsync(UserId userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().WithSpecification(new UserById(userId.Value, includeDeleted: false)).FirstOrDefaultAsync(cancellationToken);
        return user is null ? null : await db.ContextOfAsync(user, cancellationToken);
    }

    public async Task<ProviderCredential?> GetProviderCredentialAsync(UserId userId, ApiKeyProvider provider, CancellationToken cancellationToken)
    {
        var stored = await db.ApiKeys.WithSpecification(new ApiKeyOfUser(userId, provider)).FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var key = Encoding.UTF8.GetString(protector.Unprotect(stored.Ciphertext, StoredApiKey.Purpose(userId, provider)));
        return new ProviderCredential(provider, key, stored.BaseUrl);
    }

    public async Task<UserSummary?> FindUserAsync(string emailOrUsername, CancellationToken cancellationToken)
    {
        // The normaliser Identity stores names with, so the lookup matches sign-in's.
        var normalized = normalizer.NormalizeName(emailOrUsername.Trim());
        var user = await db.Users.AsNoTracking()
            .Where(u => (u.NormalizedEmail == normalized || u.NormalizedUserName == normalized) && !u.IsDeleted && u.IsActive)
            .Select(u => new { u.Id, u.UserName, u.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        return user is null ? null : new UserSummary(new UserId(user.Id), user.UserName ?? string.Empty, user.DisplayName);
    }

    public async Task<IReadOnlyList<UserSummary>> GetUsersAsync(IReadOnlyCollection<UserId> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Select(u => u.Value).Distinct().ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && !u.IsDeleted)
            .Select(u => new { u.Id, u.UserName, u.DisplayName })
            .ToListAsync(cancellationToken);
        return users.Select(u => new UserSummary(new UserId(u.Id), u.UserName ?? string.Empty, u.DisplayName)).ToList();
    }

    public async Task<IReadOnlySet<Guid>> GetPurgedAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Where(id => id != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var present = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        return ids.Except(present).ToHashSet();
    }
}
