using VoiceNote.Application.Jobs;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Modules.Exports.Application.Formats;
using VoiceNote.Modules.Exports.Domain;

namespace VoiceNote.Modules.Exports.Application.Common;

/// <summary>What is exported: a note, a recording or a case by id, or the caller's whole account (no id).</summary>
internal sealed record ExportSourceDto(ExportSource Kind, Guid? Id);

/// <summary>
/// An export as its requester (or a case's participant allowed to export) sees it: what it writes, where its job is
/// (status, stage, progress 0–100, error), and once completed the file's name, type, size, checksum and download link.
/// </summary>
internal sealed record ExportDto(
    Guid Id,
    string Type,
    ExportSourceDto Source,
    JobStatus Status,
    string? Stage,
    int Progress,
    string? Error,
    string? FileName,
    string? ContentType,
    long? SizeBytes,
    string? Sha256,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset ExpiresAt,
    string? DownloadUrl)
{
    public bool IsFinished => Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;

    /// <summary>The row's own outcome once it has one; before that its job's (the queue forgets finished jobs first).</summary>
    public static ExportDto From(Export export, JobRecord? job)
    {
        var status = export.Outcome switch
        {
            ExportOutcome.Completed => JobStatus.Completed,
            ExportOutcome.Failed => JobStatus.Failed,
            ExportOutcome.Cancelled => JobStatus.Cancelled,
            _ => job?.Status ?? JobStatus.Failed, // a job purged before its export ended: it never will
        };
        var completed = status == JobStatus.Completed;
        return new ExportDto(
            export.Id,
            export.Format,
            new ExportSourceDto(export.Source, export.SourceId),
            status,
            completed ? null : job?.Stage,
            completed ? 100 : job?.Progress ?? 0,
            export.Error ?? (status == JobStatus.Failed ? job?.Error ?? ExportsErrors.WriteFailed : null),
            export.FileName,
            completed ? ExportFormat.Named(export.Format)?.ContentType : null,
            export.SizeBytes,
            export.Sha256,
            export.CreatedAt,
            export.CompletedAt,
            export.ExpiresAt,
            completed ? $"/api/v1/exports/{export.Id}/file" : null);
    }
}
