namespace VoiceNote.Modules.Operations.Infrastructure.Settings;

/// <summary>Section <c>Settings</c>: how often each process re-reads the operators' settings.</summary>
internal sealed class SettingsOptions
{
    public const string Section = "Settings";

    /// <summary>A change made through any process is in force everywhere within this (ADR 0086: under 5 s).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);
}
