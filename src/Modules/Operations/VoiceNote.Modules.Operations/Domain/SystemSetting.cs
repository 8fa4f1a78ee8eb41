namespace VoiceNote.Modules.Operations.Domain;

/// <summary>An operator's value for one declared setting (ADR 0086); the absence of a row means the files' value holds.</summary>
internal sealed class SystemSetting
{
    public required string Key { get; init; }

    /// <summary>The value as checked JSON (a boolean, number, duration string, choice or list of hosts).</summary>
    public required string Value { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid UpdatedBy { get; set; }
}
