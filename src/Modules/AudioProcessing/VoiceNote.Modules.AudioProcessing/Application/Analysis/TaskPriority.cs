namespace VoiceNote.Modules.AudioProcessing.Application.Analysis;

/// <summary>Seed 000's task priority.</summary>
internal enum TaskPriority
{
    High,
    Medium,
    Low,
}
