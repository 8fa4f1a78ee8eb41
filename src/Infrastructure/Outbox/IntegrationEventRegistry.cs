using VoiceNote.Application.IntegrationEvents;

namespace VoiceNote.Infrastructure.Outbox;

/// <summary>The event types somebody handles, keyed by the type name stored in outbox rows, and their handler types.</summary>
public sealed class IntegrationEventRegistry
{
    private readonly Dictionary<string, Type> _eventTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, List<Type>> _handlers = [];

    internal void AddHandler(Type eventType, Type handlerType)
    {
        _eventTypes[eventType.FullName!] = eventType;
        if (!_handlers.TryGetValue(eventType, out var list))
        {
            _handlers[eventType] = list = [];
        }

        if (!list.Contains(handlerType))
        {
            list.Add(handlerType);
        }
    }

    public Type? FindEventType(string typeName) => _eventTypes.GetValueOrDefault(typeName);

    public IReadOnlyList<Type> HandlersOf(Type eventType) =>
        _handlers.TryGetValue(eventType, out var list) ? list : [];

    internal static Type HandlerInterfaceFor(Type eventType) => typeof(IIntegrationEventHandler<>).MakeGenericType(eventType);
}
