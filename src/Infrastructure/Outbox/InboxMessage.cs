namespace VoiceNote.Infrastructure.Outbox;

/// <summary>Proof that one handler of the consuming module has handled one event; written in the handler's transaction.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public string Handler { get; set; } = string.Empty;

    public DateTimeOffset ProcessedAt { get; set; }
}
