using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Paging;
using VoiceNote.Modules.Activity.Domain;

namespace VoiceNote.Modules.Activity.Application.Common;

/// <summary>What every list of entries shares: newest first on (occurred_at, id), at most <c>take</c> rows after the cursor (lists read one more than their limit).</summary>
internal static class ActivityPages
{
    public static ISpecificationBuilder<ActivityEntry> NewestFirstAfter(this ISpecificationBuilder<ActivityEntry> query, TimePosition? after, int take)
    {
        query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id);
        if (after is not null)
        {
            query.Where(e => EF.Functions.LessThan(ValueTuple.Create(e.OccurredAt, e.Id), ValueTuple.Create(after.At, after.Id)));
        }

        query.Take(take).AsNoTracking();
        return query;
    }

    public static string CursorAfter(ActivityEntry last) => new TimePosition(last.OccurredAt, last.Id).Encode();
}

/// <summary>A case's timeline: every entry that names the case.</summary>
internal sealed class TimelineOfCase : Specification<ActivityEntry>
{
    public TimelineOfCase(Guid caseId) => Query.Where(e => e.CaseId == caseId);
}

internal sealed class TimelineOfCasePage : Specification<ActivityEntry>
{
    public TimelineOfCasePage(Guid caseId, TimePosition? after, int take) => Query.Where(e => e.CaseId == caseId).NewestFirstAfter(after, take);
}
