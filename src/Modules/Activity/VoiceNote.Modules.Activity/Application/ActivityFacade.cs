using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Paging;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Activity.Application.Common;
using VoiceNote.Modules.Activity.Contracts;
using VoiceNote.Modules.Activity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Activity.Application;

/// <summary>The module's published queries: a case's timeline for the Cases module, which has checked the caller's access.</summary>
internal sealed class ActivityFacade(ActivityDbContext db) : IActivityModule
{
    public async Task<IReadOnlyList<CaseActivity>> GetCaseTimelineAsync(Guid caseId, ActivityPosition? after, int take, CancellationToken cancellationToken)
    {
        var position = after is null ? null : new TimePosition(after.At, after.Id);
        var rows = await db.Entries.WithSpecification(new TimelineOfCasePage(caseId, position, take)).ToListAsync(cancellationToken);

        // No address or user agent leaves here: participants do not see each other's (docs/decisions/0078).
        return rows.Select(e => new CaseActivity(e.Id, e.TypeCode, e.OccurredAt, e.UserId, e.ClientId, e.ItemType, e.ItemId, e.SubjectUserId, e.Details)).ToList();
    }

    public Task<long> CountCaseTimelineAsync(Guid caseId, CancellationToken cancellationToken) =>
        db.Entries.WithSpecification(new TimelineOfCase(caseId)).LongCountAsync(cancellationToken);
}
