namespace VoiceNote.Contracts;

/// <summary>
/// A fact one module publishes for others. It lives in the publisher's .Contracts assembly, travels
/// through the publisher's outbox and reaches handlers at least once, so handlers must be idempotent
/// (the inbox makes them so when they run through the dispatcher).
/// </summary>
public interface IIntegrationEvent
{
    Guid Id { get; }

    DateTimeOffset OccurredAt { get; }
}

/// <summary>A convenient base: a fresh id per event.</summary>
public abstract record IntegrationEvent : IIntegrationEvent
{
    protected IntegrationEvent(DateTimeOffset occurredAt)
    {
        Id = Guid.CreateVersion7();
        OccurredAt = occurredAt;
    }

    public Guid Id { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>
    /// The request that caused the event, stamped by the outbox when the event is published inside one
    /// (docs/decisions/0078); null for background work. Publishers never set it themselves.
    /// </summary>
    public EventOrigin? Origin { get; init; }
}

/// <summary>
/// Who asked and from where: the signed-in user (if any), the OAuth client the access token was issued to,
/// the client's address (as the host sees it, after trusted proxies) and its User-Agent, both cut to size.
/// </summary>
public sealed record EventOrigin(Guid? UserId, string? ClientId, string? Address, string? UserAgent);
