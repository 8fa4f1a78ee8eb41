using VoiceNote.Contracts;

namespace VoiceNote.Modules.Cases.Contracts;

// What comes into a case, changes in it and leaves it, for the case's timeline (docs/decisions/0078). A recording
// uploaded into a case is told by AudioProcessing's AudioUploaded, which names the case.

/// <summary>A recording of its owner's library was attached to a case (<see cref="Added"/> true) or detached from it.</summary>
public sealed record CaseRecordingChanged(Guid CaseId, Guid AudioId, Guid ChangedBy, bool Added, DateTimeOffset ChangedAt) : IntegrationEvent(ChangedAt);

/// <summary>
/// A transcript or analysis version (<see cref="Kind"/> TRANSCRIPT or ANALYSIS) of a recording the case holds was kept;
/// <see cref="StartedBy"/> is who started the run that made it.
/// </summary>
public sealed record CaseRecordingVersionAdded(Guid CaseId, Guid AudioId, string Kind, int Version, string Engine, Guid StartedBy, DateTimeOffset AddedAt)
    : IntegrationEvent(AddedAt)
{
    public const string Transcript = "TRANSCRIPT";
    public const string Analysis = "ANALYSIS";
}

/// <summary>How a note's place in a case changed.</summary>
public enum CaseNoteChange
{
    Attached,
    Created,
    Edited,
    Detached,
}

/// <summary>A note was attached to a case, created in it, edited through it, or detached from it.</summary>
public sealed record CaseNoteChanged(Guid CaseId, Guid NoteId, Guid ChangedBy, CaseNoteChange Change, DateTimeOffset ChangedAt) : IntegrationEvent(ChangedAt);

/// <summary>A case went to the trash (<see cref="InTrash"/> true) or came back from it.</summary>
public sealed record CaseTrashChanged(Guid CaseId, Guid ChangedBy, bool InTrash, DateTimeOffset ChangedAt) : IntegrationEvent(ChangedAt);
