using Ardalis.Specification;
using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.ApiKeys;

/// <summary>
/// A user's stored key for one provider, for that user's own background jobs. They run with no signed-in
/// caller, so the owner filter is lifted and the owner is named instead.
/// </summary>
internal sealed class ApiKeyOfUser : Specification<StoredApiKey>
{
    public ApiKeyOfUser(UserId owner, ApiKeyProvider provider) =>
        Query.Where(k => k.OwnerId == owner && k.Provider == provider).IgnoreQueryFilters().AsNoTracking();
}
