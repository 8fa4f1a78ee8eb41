namespace VoiceNote.Modules.Cases.Contracts;

/// <summary>What the Exports module asks of cases (docs/decisions/0083): who may export one, and what it holds.</summary>
public interface ICaseExports
{
    /// <summary>
    /// The case as <paramref name="userId"/> sees it, with <see cref="CaseForExport.MayExport"/> saying whether their role
    /// and permissions allow an export; null when they take no part in it (or it is missing or deleted), so the caller
    /// answers 404 exactly as for any case route.
    /// </summary>
    Task<CaseForExport?> ForExportAsync(Guid caseId, Guid userId, CancellationToken cancellationToken);

    /// <summary>The ids of the cases <paramref name="ownerId"/> owns (holds the owner role in), not deleted.</summary>
    Task<IReadOnlyList<Guid>> OwnedCaseIdsAsync(Guid ownerId, CancellationToken cancellationToken);
}

/// <summary>
/// A case with what an export writes of it: status and priority codes as the API writes them, the participants, and
/// the ids of the notes and recordings linked to it (their content comes from their own modules).
/// </summary>
public sealed record CaseForExport(
    Guid Id,
    string Code,
    string Title,
    string? Description,
    string Status,
    string Priority,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    bool MayExport,
    IReadOnlyList<CaseParticipantForExport> Participants,
    IReadOnlyList<Guid> NoteIds,
    IReadOnlyList<Guid> AudioIds);

/// <summary>A participant: the user, their role (OWNER, EDITOR, CONTRIBUTOR, VIEWER) and when they joined.</summary>
public sealed record CaseParticipantForExport(Guid UserId, string Role, DateTimeOffset JoinedAt);
