namespace VoiceNote.Infrastructure.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Whether this process runs the dispatcher loop (the API and the worker verb do by default).</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 50;

    /// <summary>After this many failed deliveries a message is parked: kept with its last error, no longer retried.</summary>
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Delivered messages, and the inbox's record of them, are deleted after this (1 day by default) by the
    /// <c>outbox.delivered</c> retention rule: long past any redelivery, and a purged account's id (ADR 0085) is gone
    /// from the announcements of its own purge within a day.
    /// </summary>
    public TimeSpan DeliveredRetention { get; set; } = TimeSpan.FromDays(1);
}
