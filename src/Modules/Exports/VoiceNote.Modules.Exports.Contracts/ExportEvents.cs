using VoiceNote.Contracts;

namespace VoiceNote.Modules.Exports.Contracts;

/// <summary>
/// A user downloaded an export's file (the activity log's EXPORT_DOWNLOADED). <see cref="CaseId"/> is set for a case's
/// export, so the download shows on the case's timeline.
/// </summary>
public sealed record ExportDownloaded(
    Guid ExportId, Guid DownloadedBy, Guid RequestedBy, string Format, string Source, Guid? SourceId, Guid? CaseId, DateTimeOffset DownloadedAt)
    : IntegrationEvent(DownloadedAt);
