namespace VoiceNote.Modules.AudioProcessing.Analysis;

/// <summary>A recognised word with its start and end in seconds and the recogniser's confidence (0–1).</summary>
internal sealed record TimedWord(string Text, double Start, double End, double Confidence = 1);
