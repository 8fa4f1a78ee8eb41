using VoiceNote.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Contracts;

// What happens to a recording in its owner's library, for the activity log (docs/decisions/0078). CaseId is
// set when the recording belongs to a case, so the case's timeline shows it.

/// <summary>A recording was uploaded and kept (a repeated upload of the same bytes publishes nothing).</summary>
public sealed record AudioUploaded(Guid AudioId, Guid OwnerId, long SizeBytes, double DurationSeconds, DateTimeOffset UploadedAt, Guid? CaseId = null)
    : IntegrationEvent(UploadedAt);

/// <summary>A recording moved to the archive area (<see cref="Archived"/> true) or back from it.</summary>
public sealed record AudioArchived(Guid AudioId, Guid OwnerId, bool Archived, DateTimeOffset ChangedAt, Guid? CaseId = null) : IntegrationEvent(ChangedAt);

/// <summary>A recording was deleted with its file.</summary>
public sealed record AudioDeleted(Guid AudioId, Guid OwnerId, DateTimeOffset DeletedAt, Guid? CaseId = null) : IntegrationEvent(DeletedAt);
