namespace VoiceNote.Modules.AudioProcessing.Analysis.Chat;

/// <summary>The two messages of a chat analysis: the owner's steering (system) and the recording (user).</summary>
internal sealed record ChatPrompt(string System, string User);
