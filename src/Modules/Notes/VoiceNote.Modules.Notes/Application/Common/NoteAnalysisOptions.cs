namespace VoiceNote.Modules.Notes.Application.Common;

/// <summary>Bound from "Notes:Analysis": whether notes without a recording are sent to analysis (docs/decisions/0075).</summary>
internal sealed class NoteAnalysisOptions
{
    public const string Section = "Notes:Analysis";

    /// <summary>False sends no note's text to analysis (an operator's switch); recordings are analysed by their pipeline either way.</summary>
    public bool AnalyseText { get; set; } = true;
}
