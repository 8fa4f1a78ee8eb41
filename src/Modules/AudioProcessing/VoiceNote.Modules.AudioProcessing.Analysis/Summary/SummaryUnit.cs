namespace VoiceNote.Modules.AudioProcessing.Analysis.Summary;

/// <summary>Tokens [First, Last] of a sentence (or, in unpunctuated speech, a clause-sized piece) and its place in the text.</summary>
internal sealed record SummaryUnit(int First, int Last, int Index);
