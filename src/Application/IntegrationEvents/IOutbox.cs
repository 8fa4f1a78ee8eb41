using VoiceNote.Contracts;

namespace VoiceNote.Application.IntegrationEvents;

/// <summary>Publishes an integration event by writing it to the module's outbox in the current transaction.</summary>
public interface IOutbox
{
    void Publish(IIntegrationEvent integrationEvent);
}
