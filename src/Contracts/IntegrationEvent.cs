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
}
