namespace VoiceNote.Modules.AudioProcessing.Analysis.Tasks;

/// <summary>
/// Tokens [First, End) of one clause; <see cref="Sentence"/> numbers the sentence it belongs to and
/// <see cref="IsQuestion"/> tells whether a question mark closes it.
/// </summary>
internal sealed record Clause(int First, int End, int Sentence, bool IsQuestion);
