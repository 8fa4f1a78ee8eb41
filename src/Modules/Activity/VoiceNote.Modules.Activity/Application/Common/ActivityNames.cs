using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.Activity.Domain;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Activity.Application.Common;

/// <summary>The display names of the people a page of entries names, as they are now (a deleted account has none).</summary>
internal sealed class ActivityNames(IIdentityModule identity)
{
    public async Task<IReadOnlyDictionary<Guid, string>> OfAsync(IReadOnlyList<ActivityEntry> entries, CancellationToken cancellationToken)
    {
        var ids = entries.Select(e => e.UserId).Concat(entries.Select(e => e.SubjectUserId)).OfType<Guid>().Distinct().Select(id => new UserId(id)).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>(0);
        }

        var users = await identity.GetUsersAsync(ids, cancellationToken);
        return users.ToDictionary(u => u.UserId.Value, u => u.DisplayName);
    }
}
