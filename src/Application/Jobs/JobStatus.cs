namespace VoiceNote.Application.Jobs;

/// <summary>Seed 004's job states: pending → processing → completed | failed, plus cancelled by its owner.</summary>
public enum JobStatus
{
    Pending,
    Processing,
    Completed,
    Failed,
    Cancelled,
}
