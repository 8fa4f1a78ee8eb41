namespace VoiceNote.Modules.AudioProcessing.Analysis;

/// <summary>
/// What a found task is: something to do, or an event to be at (a meeting, an appointment) whose start
/// is the deadline. Notes keeps both as tasks (docs/decisions/0074).
/// </summary>
internal enum TaskKind
{
    Task,
    Event,
}
