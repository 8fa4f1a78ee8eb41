using VoiceNote.Contracts;

namespace VoiceNote.Modules.Cases.Contracts;

/// <summary>A case was opened; its creator is its first owner.</summary>
public sealed record CaseCreated(Guid CaseId, string Code, Guid CreatedBy, DateTimeOffset CreatedAt) : IntegrationEvent(CreatedAt);

/// <summary>A case was closed (<see cref="Closed"/> true) or reopened, with the reason its participant gave.</summary>
public sealed record CaseStatusChanged(Guid CaseId, Guid ChangedBy, string Status, bool Closed, string Reason, DateTimeOffset ChangedAt) : IntegrationEvent(ChangedAt);

/// <summary>
/// A user joined a case (<see cref="PreviousRole"/> null), changed role or permissions there, or left or was removed
/// (<see cref="Role"/> null; left when <see cref="ChangedBy"/> is the user).
/// </summary>
public sealed record CaseParticipantChanged(Guid CaseId, Guid UserId, Guid ChangedBy, string? Role, DateTimeOffset ChangedAt, string? PreviousRole = null) : IntegrationEvent(ChangedAt);
