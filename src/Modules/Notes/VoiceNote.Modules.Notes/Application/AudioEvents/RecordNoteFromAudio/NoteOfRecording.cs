using Ardalis.Specification;
using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Application.AudioEvents.RecordNoteFromAudio;

/// <summary>
/// The note made from an owner's recording, with its transcripts and tasks, for the pipeline's events.
/// They run with no signed-in caller, so the owner filter is lifted and the owner is named instead.
/// </summary>
internal sealed class NoteOfRecording : Specification<Note>
{
    public NoteOfRecording(UserId owner, Guid audioId)
    {
        Query.Where(n => n.OwnerId == owner && n.AudioId == audioId).IgnoreQueryFilters().AsSplitQuery();
        Query.Include(n => n.Transcripts);
        Query.Include(n => n.Tasks);
    }
}
