namespace VoiceNote.Modules.AudioProcessing.Analysis;

/// <summary>A task's priority (docs/decisions/0031).</summary>
internal enum TaskPriority
{
    High,
    Medium,
    Low,
}
