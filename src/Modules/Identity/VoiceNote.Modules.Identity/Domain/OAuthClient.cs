using VoiceNote.Domain.Primitives;

namespace VoiceNote.Modules.Identity.Domain;

/// <summary>
/// An integration partner's client, registered by a user for their own account. Its tokens act for
/// that owner, only within its scopes. The secret is shown once and kept as a SHA-256 hash: it is 256
/// random bits, so a slow password hash would add nothing.
/// </summary>
internal sealed class OAuthClient : IOwnedByUser, ICreatedOnce
{
    public Guid Id { get; set; }

    public UserId OwnerId { get; set; }

    public string ClientId { get; set; } = string.Empty;

    public string SecretHash { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public List<string> Scopes { get; set; } = [];

    /// <summary>Where the authorization code flow may send a user back; none means client credentials only.</summary>
    public List<string> RedirectUris { get; set; } = [];

    public bool Enabled { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>The Idempotency-Key the registration was sent with; (owner, key) is unique (ADR 0067).</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>SHA-256 of that registration's body, to tell a retry from another request under the same key.</summary>
    public string? IdempotencyHash { get; private set; }

    public void RememberCreate(string idempotencyKey, string bodyHash)
    {
        IdempotencyKey = idempotencyKey;
        IdempotencyHash = bodyHash;
    }
}
