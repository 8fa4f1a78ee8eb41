using VoiceNote.Domain.Primitives;

namespace VoiceNote.Modules.Identity.Contracts;

/// <summary>What the Exports module reads of an account for its owner's data-portability export (docs/decisions/0083).</summary>
public interface IAccountExports
{
    /// <summary>The user's profile and settings, never a secret (no password hash, no key); null for a missing or deleted user.</summary>
    Task<AccountForExport?> ProfileAsync(UserId userId, CancellationToken cancellationToken);
}

/// <summary>
/// An account as its owner takes it away: who they are, the settings that steer their notes, and which providers they
/// stored a key for (the keys themselves never leave).
/// </summary>
public sealed record AccountForExport(
    Guid UserId,
    string Username,
    string Email,
    string DisplayName,
    DateTimeOffset CreatedAt,
    UserContext Settings,
    IReadOnlyList<ApiKeyProvider> ProvidersWithKeys);
