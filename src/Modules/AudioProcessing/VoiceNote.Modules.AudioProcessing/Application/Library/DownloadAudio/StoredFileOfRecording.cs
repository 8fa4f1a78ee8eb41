using Ardalis.Specification;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.DownloadAudio;

/// <summary>Where one of the caller's recordings is stored and its format, by id: all a download reads.</summary>
internal sealed class StoredFileOfRecording : Specification<AudioFile, StoredFile>
{
    public StoredFileOfRecording(Guid id)
    {
        Query.Where(a => a.Id == id);
        Query.Select(a => new StoredFile(a.StorageKey, a.Format));
    }
}

internal sealed record StoredFile(string StorageKey, string Format);
