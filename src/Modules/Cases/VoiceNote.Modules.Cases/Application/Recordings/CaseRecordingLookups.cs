using Microsoft.EntityFrameworkCore;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Recordings;

/// <summary>The reads every recording route makes: the recording's row in this case, and its current versions.</summary>
internal static class CaseRecordingLookups
{
    public static Task<CaseRecording?> RecordingInCaseAsync(this CasesDbContext db, Guid caseId, Guid audioId, CancellationToken cancellationToken) =>
        db.Recordings.AsNoTracking().FirstOrDefaultAsync(r => r.CaseId == caseId && r.AudioId == audioId, cancellationToken);

    public static async Task<(int? Transcript, int? Analysis)> CurrentVersionsAsync(this CasesDbContext db, Guid audioId, CancellationToken cancellationToken)
    {
        var latest = await db.Versions.AsNoTracking().Where(v => v.AudioId == audioId)
            .GroupBy(v => v.Kind).Select(g => new { Kind = g.Key, Number = g.Max(v => v.Number) }).ToListAsync(cancellationToken);
        return (latest.FirstOrDefault(l => l.Kind == RecordingVersionKind.Transcript)?.Number,
            latest.FirstOrDefault(l => l.Kind == RecordingVersionKind.Analysis)?.Number);
    }
}
