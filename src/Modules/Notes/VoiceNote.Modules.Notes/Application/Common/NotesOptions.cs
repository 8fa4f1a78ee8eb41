namespace VoiceNote.Modules.Notes.Application.Common;

/// <summary>The Notes module's own settings (section <c>Notes</c>; search and analysis have their sub-sections).</summary>
internal sealed class NotesOptions
{
    public const string Section = "Notes";

    /// <summary>How long a note stays in the trash before the <c>notes.trash</c> rule purges it (at least 1).</summary>
    public int TrashRetentionDays { get; set; } = 30;
}
