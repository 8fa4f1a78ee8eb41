namespace VoiceNote.Domain.Primitives;

/// <summary>Something that happened inside one module's domain. It never leaves the module as is.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}

public interface IHasDomainEvents
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}
