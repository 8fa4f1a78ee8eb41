using Ardalis.Specification;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.Common;

/// <summary>An account by id; a deleted one too unless <c>includeDeleted</c> is false.</summary>
internal sealed class UserById : Specification<User>
{
    public UserById(Guid id, bool includeDeleted = true) => Query.Where(u => u.Id == id).Where(u => !u.IsDeleted, !includeDeleted);
}

/// <summary>The profile row of an account (one per account, keyed by its id).</summary>
internal sealed class ProfileOfUser : Specification<UserProfile>
{
    public ProfileOfUser(Guid userId) => Query.Where(p => p.UserId == userId);
}
