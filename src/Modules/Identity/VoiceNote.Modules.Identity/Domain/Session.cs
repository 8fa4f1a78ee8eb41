namespace VoiceNote.Modules.Identity.Domain;

/// <summary>
/// One sign-in on one device (or one grant to a partner app). Its id is the id of the OpenIddict
/// authorization that every token of the sign-in hangs from, and access tokens carry it as "sid";
/// revoking the session revokes those tokens, so they stop at once.
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

    /// <summary>The OAuth client the session was started with (the product's app, web app, or a partner).</summary>
    public string ClientId { get; set; } = string.Empty;

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
