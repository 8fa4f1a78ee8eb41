using Ardalis.Specification;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Application.Common;

/// <summary>One of the caller's recordings by id; the owner filter makes another user's recording not found.</summary>
internal sealed class RecordingById : Specification<AudioFile>
{
    public RecordingById(Guid id) => Query.Where(a => a.Id == id);
}
