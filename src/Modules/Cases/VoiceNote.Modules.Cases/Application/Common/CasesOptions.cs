namespace VoiceNote.Modules.Cases.Application.Common;

/// <summary>The Cases module's settings (section <c>Cases</c>).</summary>
internal sealed class CasesOptions
{
    public const string Section = "Cases";

    /// <summary>How long a case stays in the trash before it is purged for good (ADR 0081).</summary>
    public int TrashRetentionDays { get; set; } = 30;

    public TimeSpan TrashRetention => TimeSpan.FromDays(TrashRetentionDays);
}
