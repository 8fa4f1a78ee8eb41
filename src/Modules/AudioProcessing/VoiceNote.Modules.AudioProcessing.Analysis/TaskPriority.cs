namespace VoiceNote.Modules.AudioProcessing.Analysis;

/// <summary>Seed 000's task priority.</summary>
internal enum TaskPriority
{
    High,
    Medium,
    Low,
}
