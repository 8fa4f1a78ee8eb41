namespace VoiceNote.Modules.Activity.Domain;

/// <summary>
/// One line of the activity log (seed 001 ActivityLog): who (a user, and the OAuth client they used), what (a type),
/// which item (and its case), when, from where. Written once from an integration event, whose id it takes; never
/// changed (the table refuses UPDATE and DELETE but for the retention prune: docs/decisions/0078).
/// </summary>
internal sealed class ActivityEntry
{
    public const int ClientIdLength = 200;
    public const int ItemTypeLength = 32;
    public const int AddressLength = 64;
    public const int UserAgentLength = 512;

    public Guid Id { get; init; }

    public string TypeCode { get; init; } = string.Empty;

    /// <summary>The acting user; for sign-ins the account signed in to (or tried), null when a login named no account.</summary>
    public Guid? UserId { get; init; }

    /// <summary>The OAuth client the request came through (a partner's, or one of the product's own apps).</summary>
    public string? ClientId { get; init; }

    /// <summary>What the entry is about: <see cref="ActivityItems"/>.</summary>
    public string? ItemType { get; init; }

    public Guid? ItemId { get; init; }

    /// <summary>The case the item belongs to: the key of the case's timeline.</summary>
    public Guid? CaseId { get; init; }

    /// <summary>The account acted on, when it is not the actor (an added participant, an admin's target).</summary>
    public Guid? SubjectUserId { get; init; }

    /// <summary>A small JSON object (a reason, a role, an admin action's name).</summary>
    public string? Details { get; init; }

    public string? IpAddress { get; init; }

    public string? UserAgent { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The item types entries name.</summary>
internal static class ActivityItems
{
    public const string Case = "CASE";
    public const string Audio = "AUDIO";
    public const string Note = "NOTE";
    public const string User = "USER";
    public const string Export = "EXPORT";
}
