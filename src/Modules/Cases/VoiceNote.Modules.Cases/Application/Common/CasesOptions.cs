namespace VoiceNote.Modules.Cases.Application.Common;

/// <summary>The Cases module's settings (section <c>Cases</c>).</summary>
internal sealed class CasesOptions
{
    public const string Section = "Cases";

    /// <summary>How long a case stays in the trash before it is purged for good (ADR 0081).</summary>
    public int TrashRetentionDays { get; set; } = 30;

    /// <summary>How often the trash is looked at for cases past their retention.</summary>
    public TimeSpan TrashPurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Off in a process that should leave purging to others; several processes purging at once is safe.</summary>
    public bool TrashPurgeEnabled { get; set; } = true;

    public TimeSpan TrashRetention => TimeSpan.FromDays(TrashRetentionDays);
}
