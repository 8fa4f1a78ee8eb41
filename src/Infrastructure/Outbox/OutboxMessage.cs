using System.Text.Json;
using VoiceNote.Contracts;

namespace VoiceNote.Infrastructure.Outbox;

/// <summary>An integration event waiting in its publisher's schema until every handler has taken it.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; private set; }

    /// <summary>The event's full type name: the stable key handlers subscribe by.</summary>
    public string Type { get; private set; } = string.Empty;

    public string Payload { get; private set; } = string.Empty;

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Set when a message failed too often: kept for an operator, no longer retried.</summary>
    public DateTimeOffset? ParkedAt { get; set; }

    internal static OutboxMessage From(IIntegrationEvent integrationEvent, DateTimeOffset now) => new()
    {
        Id = integrationEvent.Id,
        Type = integrationEvent.GetType().FullName!,
        Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), OutboxJson.Options),
        OccurredAt = integrationEvent.OccurredAt,
        NextAttemptAt = now,
    };
}

internal static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
