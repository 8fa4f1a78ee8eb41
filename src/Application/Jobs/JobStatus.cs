namespace VoiceNote.Application.Jobs;

/// <summary>A job's states (docs/product.md): pending → processing → completed | failed, plus cancelled by its owner.</summary>
public enum JobStatus
{
    Pending,
    Processing,
    Completed,
    Failed,
    Cancelled,
}
