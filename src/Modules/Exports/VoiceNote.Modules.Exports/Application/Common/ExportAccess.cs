using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Exports.Domain;
using VoiceNote.Modules.Exports.Infrastructure.Persistence;

namespace VoiceNote.Modules.Exports.Application.Common;

/// <summary>
/// Who may see and download an export, decided in one place for every export route: its requester, and for a case's
/// export every participant of the case whose role and permissions allow exports now, its requester included (a
/// participant removed since, or whose export permission was taken, loses it at once). Anyone else gets 404, as for any resource not theirs.
/// </summary>
internal sealed class ExportAccess(ExportsDbContext db, ICurrentUser caller, ICaseExports cases)
{
    public async Task<Result<(Export Export, JobRecord? Job)>> ReadableAsync(Guid exportId, CancellationToken cancellationToken)
    {
        var export = await db.Exports.AsNoTracking().FirstOrDefaultAsync(e => e.Id == exportId, cancellationToken);
        if (export is null || !await MaySeeAsync(export, cancellationToken))
        {
            return ExportsErrors.ExportNotFound;
        }

        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == exportId, cancellationToken);
        return (export, job);
    }

    /// <summary>Only the requester changes an export (cancels or deletes it); a participant who may read it gets 403.</summary>
    public async Task<Result<Export>> OwnAsync(Guid exportId, CancellationToken cancellationToken)
    {
        var export = await db.Exports.FirstOrDefaultAsync(e => e.Id == exportId, cancellationToken);
        if (export is null)
        {
            return ExportsErrors.ExportNotFound;
        }

        if (export.OwnerId == caller.Id.Value)
        {
            return export;
        }

        return await MaySeeAsync(export, cancellationToken) ? ExportsErrors.NotRequester : ExportsErrors.ExportNotFound;
    }

    /// <summary>A case's export holds the case: only who may export the case now reads it, its requester too.</summary>
    private async Task<bool> MaySeeAsync(Export export, CancellationToken cancellationToken) =>
        export.Source == ExportSource.Case && export.SourceId is { } caseId
            ? await cases.ForExportAsync(caseId, caller.Id.Value, cancellationToken) is { MayExport: true }
            : export.OwnerId == caller.Id.Value;
}
