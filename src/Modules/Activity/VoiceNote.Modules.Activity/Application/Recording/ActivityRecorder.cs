using System.Text.Json;
using VoiceNote.Contracts;
using VoiceNote.Modules.Activity.Domain;
using VoiceNote.Modules.Activity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Activity.Application.Recording;

/// <summary>What an entry is about: an item type and its id.</summary>
internal sealed record ActivityItem(string Type, Guid Id);

/// <summary>
/// Turns one integration event into one entry, in the handler's transaction (with the inbox row that makes a
/// redelivery a no-op). The entry takes the event's id and time, and from where the request came from the
/// origin the publisher's outbox stamped on it (docs/decisions/0078).
/// </summary>
internal sealed class ActivityRecorder(ActivityDbContext db)
{
    public void Record(
        IntegrationEvent happened,
        string type,
        Guid? userId,
        ActivityItem? item,
        Guid? caseId = null,
        Guid? subjectUserId = null,
        object? details = null,
        string? clientId = null)
    {
        var origin = happened.Origin;
        db.Entries.Add(new ActivityEntry
        {
            Id = happened.Id,
            TypeCode = type,
            UserId = userId ?? origin?.UserId,
            ClientId = Cut(clientId ?? origin?.ClientId, ActivityEntry.ClientIdLength),
            ItemType = item?.Type,
            ItemId = item?.Id,
            CaseId = caseId,
            SubjectUserId = subjectUserId,
            Details = details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
            IpAddress = Cut(origin?.Address, ActivityEntry.AddressLength),
            UserAgent = Cut(origin?.UserAgent, ActivityEntry.UserAgentLength),
            OccurredAt = happened.OccurredAt,
        });
    }

    internal static string? Cut(string? value, int length) => value is { } text && text.Length > length ? text[..length] : value;
}
