using VoiceNote.Contracts;

namespace VoiceNote.Modules.Identity.Contracts;

/// <summary>A user was soft-deleted: their sessions are revoked; other modules hide their data until restore or purge.</summary>
public sealed record UserDeleted(Guid UserId, DateTimeOffset DeletedAt) : IntegrationEvent(DeletedAt);

/// <summary>A soft-deleted user was restored within the grace period.</summary>
public sealed record UserRestored(Guid UserId, DateTimeOffset RestoredAt) : IntegrationEvent(RestoredAt);

/// <summary>Somebody signed in with the account's password (JSON sign-in, password grant or the sign-in page); <see cref="ClientId"/> is the app, when known.</summary>
public sealed record UserSignedIn(Guid UserId, string? ClientId, DateTimeOffset SignedInAt) : IntegrationEvent(SignedInAt);

/// <summary>
/// A password sign-in failed. <see cref="UserId"/> is the account the login named, or null when it named none: the
/// login typed is never carried (it may be a password typed into the wrong field). <see cref="Reason"/> is
/// <c>invalid_credentials</c>, <c>locked</c> or <c>inactive</c>.
/// </summary>
public sealed record SignInFailed(Guid? UserId, string? ClientId, string Reason, DateTimeOffset FailedAt) : IntegrationEvent(FailedAt);

/// <summary>The account's owner changed its password; every other session ended.</summary>
public sealed record PasswordChanged(Guid UserId, DateTimeOffset ChangedAt) : IntegrationEvent(ChangedAt);

/// <summary>An admin acted on an account (<see cref="Action"/> is the admin trail's name, e.g. <c>user.deactivated</c>).</summary>
public sealed record AdminActionTaken(Guid AdminId, string Action, Guid? TargetUserId, DateTimeOffset TakenAt) : IntegrationEvent(TakenAt)
{
    /// <summary>What the action changed, when the action's name alone does not say (e.g. a setting's key, old and new value); never a secret.</summary>
    public IReadOnlyDictionary<string, string?>? Details { get; init; }
}

/// <summary>
/// A soft-deleted account was purged for good (ADR 0085): every module removes or anonymises what the user owned,
/// idempotently. Published again for the same user when the purge log is replayed after a restore.
/// </summary>
public sealed record UserPurged(Guid UserId, DateTimeOffset PurgedAt) : IntegrationEvent(PurgedAt);
