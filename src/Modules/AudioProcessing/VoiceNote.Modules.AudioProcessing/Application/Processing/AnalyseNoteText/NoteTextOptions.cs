namespace VoiceNote.Modules.AudioProcessing.Application.Processing.AnalyseNoteText;

/// <summary>Bound from "Analysis:NoteText": how the text of notes without a recording reaches analysis (docs/decisions/0075).</summary>
internal sealed class NoteTextOptions
{
    public const string Section = "Analysis:NoteText";

    /// <summary>
    /// How long after an edit its analysis waits: an edit within it replaces the text waiting, so typing in
    /// bursts costs one analysis (and one language model call) per pause, not per keystroke saved.
    /// </summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(3);
}
