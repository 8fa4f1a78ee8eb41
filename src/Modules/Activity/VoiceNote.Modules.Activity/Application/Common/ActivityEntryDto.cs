using System.Text.Json;
using VoiceNote.Modules.Activity.Domain;

namespace VoiceNote.Modules.Activity.Application.Common;

/// <summary>
/// An entry as its owner or an operator sees it: who (the user's id and display name while the account exists, the
/// OAuth client), what, which item, when, from where. Mapped by hand (docs/decisions/0003): names come from Identity.
/// </summary>
internal sealed record ActivityEntryDto(
    Guid Id,
    string Type,
    DateTimeOffset At,
    Guid? ActorId,
    string? ActorName,
    string? ClientId,
    string? ItemType,
    Guid? ItemId,
    Guid? CaseId,
    Guid? SubjectUserId,
    string? SubjectName,
    JsonElement? Details,
    string? IpAddress,
    string? UserAgent)
{
    public static ActivityEntryDto From(ActivityEntry e, IReadOnlyDictionary<Guid, string> names) => new(
        e.Id,
        e.TypeCode,
        e.OccurredAt,
        e.UserId,
        e.UserId is { } actor ? names.GetValueOrDefault(actor) : null,
        e.ClientId,
        e.ItemType,
        e.ItemId,
        e.CaseId,
        e.SubjectUserId,
        e.SubjectUserId is { } subject ? names.GetValueOrDefault(subject) : null,
        ParseDetails(e.Details),
        e.IpAddress,
        e.UserAgent);

    public static JsonElement? ParseDetails(string? details)
    {
        if (details is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(details);
        return document.RootElement.Clone();
    }
}
