using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Exports.Application.Common;
using VoiceNote.Modules.Exports.Application.Writing;
using VoiceNote.Modules.Exports.Infrastructure.Persistence;

namespace VoiceNote.Modules.Exports.Application.Retention.PruneExpiredExports;

/// <summary>
/// Removes exports past their retention (<c>Exports:Retention</c> after they finished, 24 h by default): the file first,
/// then the row and its job, so a file never outlives its row unseen. Also removes partial files a crashed run left in
/// <c>exports/tmp</c> a day ago or more (no run writes for that long). Answers how many exports it removed.
/// </summary>
internal sealed record PruneExpiredExports : ICommand<int>, ISystemRequest;

internal sealed class PruneExpiredExportsHandler(ExportsDbContext db, ExportFiles files, IOptionsMonitor<ExportsOptions> options, TimeProvider clock) : ICommandHandler<PruneExpiredExports, int>
{
    private const int Batch = 500;

    public async Task<Result<int>> Handle(PruneExpiredExports request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // Only finished exports expire: a running one's row holds until it ends, whatever its age. The expiry stamped
        // when it ended, or the current Exports:Retention after completion if an operator shortened it since.
        var completedBefore = now - options.CurrentValue.Retention;
        var expired = await db.Exports.Where(e => e.Outcome != null && (e.ExpiresAt < now || e.CompletedAt < completedBefore)).OrderBy(e => e.ExpiresAt).Take(Batch).ToListAsync(cancellationToken);
        foreach (var export in expired)
        {
            files.Delete(export.StorageKey);
        }

        var ids = expired.Select(e => e.Id).ToList();
        db.Exports.RemoveRange(expired);
        await db.Jobs.Where(j => ids.Contains(j.Id)).ExecuteDeleteAsync(cancellationToken);

        if (Directory.Exists(files.TempFolder))
        {
            var cutoff = (now - TimeSpan.FromDays(1)).UtcDateTime;
            foreach (var part in Directory.EnumerateFiles(files.TempFolder, "*.part").Where(p => File.GetLastWriteTimeUtc(p) < cutoff))
            {
                File.Delete(part);
            }
        }

        return expired.Count;
    }
}
