namespace VoiceNote.Infrastructure.Http;

/// <summary>
/// A representation part of which the server changes on its own (a note's search-index state, written
/// when indexing finishes). Its entity tag covers only <see cref="VersionedView"/>, so a person's edit is
/// not refused with 412 because the background work finished in between; If-None-Match may then answer
/// 304 although only that background part changed.
/// </summary>
public interface IVersionedRepresentation
{
    object VersionedView();
}
