using System.Globalization;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.Exports.Application.Common;

/// <summary>The Exports module's stable error codes.</summary>
internal static class ExportsErrors
{
    /// <summary>No such export for this caller: also the answer for another user's export.</summary>
    public static readonly Error ExportNotFound = Error.NotFound("exports.not_found", "No such export.");

    /// <summary>The note, recording or case to export does not exist for this caller.</summary>
    public static readonly Error SourceNotFound = Error.NotFound("exports.source_not_found", "No such note, recording or case to export.");

    public static readonly Error CaseExportForbidden = Error.Forbidden("exports.case_forbidden", "Your role in this case does not allow exports.");

    public static readonly Error NotRequester = Error.Forbidden("exports.not_requester", "Only the participant who requested this export may change it.");

    public static readonly Error NotReady = Error.Conflict("exports.not_ready", "The export has no file: it is still being written, or it failed or was cancelled.");

    public static readonly Error AlreadyFinished = Error.Conflict("exports.finished", "The export has already finished; delete it instead.");

    public static readonly Error FileGone = Error.NotFound("exports.file_gone", "The export's file is no longer there; request the export again.");

    public static Error QuotaExceeded(int perHour) =>
        new("exports.quota_exceeded", string.Create(CultureInfo.InvariantCulture, $"You may request {perHour} exports an hour; try again later."), ErrorKind.RateLimited);

    public static Error TooLarge(long maxBytes) =>
        new("exports.too_large", string.Create(CultureInfo.InvariantCulture, $"This export would be larger than the limit of {maxBytes} bytes."), ErrorKind.TooLarge);

    /// <summary>The requester's word for a failed export, stored on it: never an exception's message or a path.</summary>
    public const string WriteFailed = "The export could not be written. Request it again; if it fails again, tell your operator.";

    public const string SourceGone = "What was being exported was deleted, or you no longer have access to it.";
}
