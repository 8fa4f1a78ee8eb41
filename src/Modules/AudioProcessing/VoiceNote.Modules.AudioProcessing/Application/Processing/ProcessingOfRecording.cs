using Ardalis.Specification;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing;

/// <summary>One of the caller's recordings by id, its processing columns only: its status is polled twice a second while followed.</summary>
internal sealed class ProcessingOfRecording : Specification<AudioFile, RecordingProcessing>
{
    public ProcessingOfRecording(Guid audioId)
    {
        Query.Where(a => a.Id == audioId);
        Query.Select(a => new RecordingProcessing(a.Id, a.Status, a.ProcessingError, a.SpeechEngine, a.ProcessingJobId, a.UpdatedAt));
    }
}

/// <summary>A recording's own processing state and its latest job (which may have been purged since).</summary>
internal sealed record RecordingProcessing(Guid AudioId, AudioStatus Status, string? ProcessingError, string SpeechEngine, Guid? ProcessingJobId, DateTimeOffset UpdatedAt);
