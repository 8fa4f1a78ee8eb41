using VoiceNote.Contracts;

namespace VoiceNote.Application.IntegrationEvents;

/// <summary>
/// Reacts to another module's event. It runs in the consuming module's transaction together with
/// the inbox row that marks the event as handled, so a redelivered event is skipped.
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task Handle(TEvent integrationEvent, CancellationToken cancellationToken);
}
