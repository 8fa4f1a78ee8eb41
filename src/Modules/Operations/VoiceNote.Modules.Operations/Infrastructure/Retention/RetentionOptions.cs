namespace VoiceNote.Modules.Operations.Infrastructure.Retention;

/// <summary>The retention scheduler (section <c>Retention</c>, ADR 0084); each rule's period is its own module's setting.</summary>
internal sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Off in a process that should leave retention to others; several processes running it is safe.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often every rule runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}
