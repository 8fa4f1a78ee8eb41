namespace VoiceNote.Modules.Identity.Domain;

/// <summary>One admin action: who did what to whom, when, from where.</summary>
internal sealed class AdminAction
{
    public Guid Id { get; set; }

    public Guid AdminId { get; set; }

    public string Action { get; set; } = string.Empty;

    public Guid? TargetUserId { get; set; }

    public string? Details { get; set; }

    public string? IpAddress { get; set; }

    public DateTimeOffset At { get; set; }
}
