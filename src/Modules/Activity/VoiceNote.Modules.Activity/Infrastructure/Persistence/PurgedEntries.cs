using Microsoft.EntityFrameworkCore.ChangeTracking;
using VoiceNote.Modules.Activity.Domain;

namespace VoiceNote.Modules.Activity.Infrastructure.Persistence;

/// <summary>
/// What a purged account's entry keeps (ADR 0085), the same for an entry written before the purge
/// (<c>AnonymisePurgedUser</c>, in SQL) and one written after it: no actor, origin or details of its own, and no
/// mention as subject or item.
/// </summary>
internal static class PurgedEntries
{
    /// <summary>The accounts an entry names.</summary>
    public static IEnumerable<Guid> Accounts(ActivityEntry entry)
    {
        if (entry.UserId is { } user)
        {
            yield return user;
        }

        if (entry.SubjectUserId is { } subject)
        {
            yield return subject;
        }

        if (entry.ItemType == ActivityItems.User && entry.ItemId is { } item)
        {
            yield return item;
        }
    }

    /// <summary>Through the change tracker: an entry's members are fixed once it is made (the log is append-only).</summary>
    public static void Anonymise(EntityEntry<ActivityEntry> tracked, IReadOnlySet<Guid> purged)
    {
        var entry = tracked.Entity;
        if (entry.UserId is { } user && purged.Contains(user))
        {
            tracked.Property(e => e.UserId).CurrentValue = null;
            tracked.Property(e => e.Details).CurrentValue = null;
            tracked.Property(e => e.IpAddress).CurrentValue = null;
            tracked.Property(e => e.UserAgent).CurrentValue = null;
        }

        if (entry.SubjectUserId is { } subject && purged.Contains(subject))
        {
            tracked.Property(e => e.SubjectUserId).CurrentValue = null;
        }

        if (entry.ItemType == ActivityItems.User && entry.ItemId is { } item && purged.Contains(item))
        {
            tracked.Property(e => e.ItemId).CurrentValue = null;
        }
    }
}
