using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Jobs;
using VoiceNote.Infrastructure.Telemetry;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Exports.Application.Common;
using VoiceNote.Modules.Exports.Application.Formats;
using VoiceNote.Modules.Exports.Application.Formats.Archives;
using VoiceNote.Modules.Exports.Domain;
using VoiceNote.Modules.Exports.Infrastructure.Persistence;

namespace VoiceNote.Modules.Exports.Application.Writing;

/// <summary>
/// Writes one export (the job's id is the export's): the file goes to a partial file, counted and capped as it is
/// written, and is moved into place and recorded only when whole. A run that stops part-way leaves nothing; a retry
/// starts over. What was to be exported is read again at the start, so a note deleted or a case left since is refused.
/// </summary>
internal sealed class WriteExportJob(
    ExportsDbContext db,
    ExportDocuments documents,
    ExportWriters writers,
    AccountArchiveWriter accounts,
    CaseArchiveWriter caseArchives,
    ICaseExports cases,
    ExportFiles files,
    IOptions<ExportsOptions> options,
    TimeProvider clock,
    VoiceNoteMetrics metrics,
    ILogger<WriteExportJob> logger) : IJobHandler
{
    public const string JobKind = "export.write";

    public const int Attempts = 3;

    /// <summary>What any of the file systems a download lands on refuses in a name (Windows' set is the widest).</summary>
    private static readonly HashSet<char> RefusedInFileNames = ['\\', '/', ':', '*', '?', '"', '<', '>', '|'];

    private const string Stage = "WRITING";

    public string Kind => JobKind;

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        var export = await db.Exports.FirstOrDefaultAsync(e => e.Id == job.Id, cancellationToken);
        if (export is null || export.Outcome is not null)
        {
            return JobOutcome.Done; // deleted or cancelled meanwhile: nothing to write
        }

        var settings = options.Value;
        var format = ExportFormat.Named(export.Format)!;
        await using var throttled = ThrottledProgress.Start(job, Stage, 0, ThrottledProgress.DefaultInterval, clock, cancellationToken);
        var progress = new ReportTo(throttled.Report);
        string? name;
        string sha256;
        using (var output = files.Begin(export.Id, settings.MaxBytes))
        {
            try
            {
                name = await WriteAsync(export, format, output, progress, cancellationToken);
                if (name is null)
                {
                    return await EndAsync(export, ExportOutcome.Failed, ExportsErrors.SourceGone, JobOutcome.Fail(ExportsErrors.SourceGone));
                }

                sha256 = await output.CompleteAsync(cancellationToken);
            }
            catch (ExportTooLargeException tooLarge)
            {
                var message = ExportsErrors.TooLarge(tooLarge.MaxBytes).Message;
                return await EndAsync(export, ExportOutcome.Failed, message, JobOutcome.Fail(message));
            }
            catch (Exception exception) when (exception is not OperationCanceledException && !job.CanRetry)
            {
                logger.LogError(exception, "Export {ExportId} ({Format}) failed on its last attempt", export.Id, export.Format);
                return await EndAsync(export, ExportOutcome.Failed, ExportsErrors.WriteFailed, JobOutcome.Fail(ExportsErrors.WriteFailed));
            }

            var key = files.Keep(output, export, format.Extension);
            export.Written(FileNameOf(name, format), key, output.Written, sha256, clock.GetUtcNow(), settings.Retention);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        metrics.RecordExport(export.Format, export.SizeBytes ?? 0);
        return JobOutcome.Done;
    }

    /// <summary>Writes the file; returns the name it is downloaded under (without extension), or null when the source is gone.</summary>
    private async Task<string?> WriteAsync(Export export, ExportFormat format, Stream output, IProgress<int> progress, CancellationToken cancellationToken)
    {
        switch (export.Source)
        {
            case ExportSource.Account:
                await accounts.WriteAsync(export.OwnerId, output, progress, cancellationToken);
                return $"voicenote-account-{clock.GetUtcNow():yyyy-MM-dd}";
            case ExportSource.Case:
                // The requester's access is checked again: a participant removed since the request gets nothing.
                var @case = await cases.ForExportAsync(export.SourceId!.Value, export.OwnerId, cancellationToken);
                if (@case is not { MayExport: true })
                {
                    return null;
                }

                await caseArchives.WriteAsync(@case, export.OwnerId, output, progress, cancellationToken);
                return $"{@case.Code} {@case.Title}";
            default:
                var note = export.Source == ExportSource.Note
                    ? await documents.OfNoteAsync(export.SourceId!.Value, export.OwnerId, cancellationToken)
                    : await documents.OfRecordingAsync(export.SourceId!.Value, export.OwnerId, cancellationToken);
                if (note is null)
                {
                    return null;
                }

                await writers.For(format).WriteAsync(note, output, progress, cancellationToken);
                return note.Title;
        }
    }

    private async Task<JobOutcome> EndAsync(Export export, ExportOutcome outcome, string error, JobOutcome result)
    {
        export.Ended(outcome, error, clock.GetUtcNow(), options.Value.Retention);
        await db.SaveChangesAsync(CancellationToken.None);
        return result;
    }

    /// <summary>The download's name: the title with what file systems refuse taken out, and the format's extension.</summary>
    internal static string FileNameOf(string title, ExportFormat format)
    {
        var clean = new string(title.Select(c => RefusedInFileNames.Contains(c) || char.IsControl(c) ? ' ' : c).ToArray()).Trim().TrimEnd('.');
        clean = string.Join(' ', clean.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length == 0)
        {
            clean = "export";
        }

        return $"{(clean.Length > 120 ? clean[..120].TrimEnd() : clean)}.{format.Extension}";
    }

    /// <summary>Reports on the writer's own thread; <see cref="Progress{T}"/> would post each value to the thread pool.</summary>
    private sealed class ReportTo(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
