namespace VoiceNote.Modules.Identity.Domain;

/// <summary>
/// One sign-in on one device: the family of refresh tokens that rotate from it. Access tokens carry
/// its id, so revoking the session stops them at once.
/// </summary>
internal sealed class Session
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string? DeviceId { get; set; }

    public string? DeviceModel { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>The scopes granted at sign-in; every token refreshed from this session carries the same.</summary>
    public List<string> Scopes { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastUsedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedReason { get; set; }

    public List<RefreshToken> RefreshTokens { get; set; } = [];

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    public void Revoke(string reason, DateTimeOffset now)
    {
        if (RevokedAt is null)
        {
            RevokedAt = now;
            RevokedReason = reason;
        }
    }
}

/// <summary>An opaque refresh token, stored only as its SHA-256 hash (ADR 0010). Used once, then replaced.</summary>
internal sealed class RefreshToken
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public string TokenHash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When it was exchanged; presenting it again after that is reuse, and revokes the session.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}
