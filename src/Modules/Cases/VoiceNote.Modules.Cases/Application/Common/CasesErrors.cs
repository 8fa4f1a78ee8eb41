using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.Cases.Application.Common;

/// <summary>The Cases module's stable error codes.</summary>
internal static class CasesErrors
{
    /// <summary>No such case for this caller: also the answer to a non-participant, so a case's existence never leaks.</summary>
    public static readonly Error CaseNotFound = Error.NotFound("cases.not_found", "No such case.");

    /// <summary>The caller takes part in the case, but their role or permissions do not allow this.</summary>
    public static readonly Error Forbidden = Error.Forbidden("cases.forbidden", "Your role in this case does not allow this.");

    public static readonly Error CaseInTrash = Error.Conflict("cases.in_trash", "The case is in the trash; restore it first.");

    public static readonly Error CaseClosed = Error.Conflict("cases.closed", "The case is closed; reopen it first.");

    public static readonly Error ParticipantNotFound = Error.NotFound("cases.participant_not_found", "No such participant in this case.");

    public static readonly Error UserNotFound = Error.NotFound("cases.user_not_found", "No active account has this email or username.");

    public static readonly Error AlreadyParticipant = Error.Conflict("cases.already_participant", "This user already takes part in the case; change their role instead.");

    public static readonly Error TooManyParticipants = Error.Conflict("cases.too_many_participants", "This case has as many participants as a case may have.");

    public static readonly Error LastOwner = Error.Conflict("cases.last_owner", "A case keeps at least one owner: make somebody else owner first.");

    /// <summary>Only owners name owners and change or remove them; a participant manager handles the other roles.</summary>
    public static readonly Error OwnersOnly = Error.Forbidden("cases.owners_only", "Only an owner of the case may give, change or take the owner role.");

    /// <summary>The case has no such note linked (or a note of somebody who no longer takes part in it).</summary>
    public static readonly Error NoteNotFound = Error.NotFound("cases.note_not_found", "This case has no such note.");

    /// <summary>Only the caller's own notes can be added to a case: another user's note is not found, exactly as in Notes.</summary>
    public static readonly Error OwnNoteNotFound = Error.NotFound("notes.not_found", "No such note.");

    public static readonly Error NoteInTrash = Error.Conflict("cases.note_in_trash", "The note is in its owner's trash; it must be restored first.");

    /// <summary>The recording is not in this case, or is another user's (attaching): the same answer either way.</summary>
    public static readonly Error RecordingNotFound = Error.NotFound("cases.recording_not_found", "No such recording in this case.");

    public static readonly Error VersionNotFound = Error.NotFound("cases.version_not_found", "No such version of this recording.");

    /// <summary>Uploaded into the case, the recording is the case's: it goes with the case, it is not detached.</summary>
    public static readonly Error RecordingStoredHere = Error.Conflict("cases.recording_stored_here", "This recording was uploaded into the case and stays with it; only attached recordings are detached.");

    /// <summary>Only the recording's owner, or somebody who may edit the case, takes a recording out of it.</summary>
    public static readonly Error NotYourRecording = Error.Forbidden("cases.not_your_recording", "Only the recording's owner or an editor of the case may detach it.");
}
