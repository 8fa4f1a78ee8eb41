namespace VoiceNote.Modules.Activity.Contracts;

/// <summary>
/// What other modules may ask the activity log (docs/decisions/0078). The log is written only from integration
/// events; nothing here writes, edits or deletes an entry.
/// </summary>
public interface IActivityModule
{
    /// <summary>
    /// One keyset page of a case's entries, newest first: those after <paramref name="after"/> (null: from the newest),
    /// at most <paramref name="take"/>. The caller has already decided that its user may see the case.
    /// </summary>
    Task<IReadOnlyList<CaseActivity>> GetCaseTimelineAsync(Guid caseId, ActivityPosition? after, int take, CancellationToken cancellationToken);

    /// <summary>How many entries a case's timeline holds.</summary>
    Task<long> CountCaseTimelineAsync(Guid caseId, CancellationToken cancellationToken);
}

/// <summary>The position of an entry in a newest-first list: its time, then its id.</summary>
public sealed record ActivityPosition(DateTimeOffset At, Guid Id);

/// <summary>
/// One entry of a case's timeline as its participants may see it: who (a user, and the OAuth client they used), what
/// (the activity type's code), which item, when, and details as a JSON object. Never the address or the user agent.
/// </summary>
public sealed record CaseActivity(
    Guid Id,
    string Type,
    DateTimeOffset At,
    Guid? ActorUserId,
    string? ActorClientId,
    string? ItemType,
    Guid? ItemId,
    Guid? SubjectUserId,
    string? Details);
