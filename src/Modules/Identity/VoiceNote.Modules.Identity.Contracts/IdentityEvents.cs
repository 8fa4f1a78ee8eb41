using VoiceNote.Contracts;

namespace VoiceNote.Modules.Identity.Contracts;

/// <summary>A user was soft-deleted: their sessions are revoked; other modules hide their data until restore or purge.</summary>
public sealed record UserDeleted(Guid UserId, DateTimeOffset DeletedAt) : IntegrationEvent(DeletedAt);

/// <summary>A soft-deleted user was restored within the grace period.</summary>
public sealed record UserRestored(Guid UserId, DateTimeOffset RestoredAt) : IntegrationEvent(RestoredAt);
