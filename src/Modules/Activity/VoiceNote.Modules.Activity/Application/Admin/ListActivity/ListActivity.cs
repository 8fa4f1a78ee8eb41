using Ardalis.Specification;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Activity.Application.Common;
using VoiceNote.Modules.Activity.Domain;
using VoiceNote.Modules.Activity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Activity.Application.Admin.ListActivity;

/// <summary>Which entries an operator asks for: all criteria given must hold; <see cref="From"/> inclusive, <see cref="To"/> exclusive.</summary>
internal sealed record ActivityFilter(Guid? UserId, string? Type, string? ItemType, Guid? ItemId, Guid? CaseId, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>
/// The whole product's activity log for operators, newest first, with addresses. It holds admins' own actions with
/// their addresses, so it is guarded like the admin trail (docs/decisions/0017, 0078).
/// </summary>
[Requires(Permission = AdminPermissions.CanManageAdmins)]
internal sealed record ListActivity(ActivityFilter Filter, PageQuery Page) : IQuery<Page<ActivityEntryDto>>;

internal sealed class ListActivityValidator : AbstractValidator<ListActivity>
{
    public ListActivityValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.Filter.Type).MaximumLength(ActivityTypeConfiguration.CodeLength).OverridePropertyName("type");
        RuleFor(q => q.Filter.ItemType).MaximumLength(ActivityEntry.ItemTypeLength).OverridePropertyName("itemType");
        RuleFor(q => q.Filter.To).GreaterThan(q => q.Filter.From).When(q => q.Filter.From is not null && q.Filter.To is not null)
            .WithMessage("'to' must be later than 'from'.").OverridePropertyName("to");
    }
}

/// <summary>The entries matching a filter: what the list counts.</summary>
internal sealed class ActivityMatching : Specification<ActivityEntry>
{
    public ActivityMatching(ActivityFilter filter) => Query.Matching(filter);
}

internal sealed class ActivityMatchingPage : Specification<ActivityEntry>
{
    public ActivityMatchingPage(ActivityFilter filter, TimePosition? after, int take) => Query.Matching(filter).NewestFirstAfter(after, take);
}

internal static class ActivityCriteria
{
    public static ISpecificationBuilder<ActivityEntry> Matching(this ISpecificationBuilder<ActivityEntry> query, ActivityFilter filter)
    {
        if (filter.UserId is { } user)
        {
            query.Where(e => e.UserId == user);
        }

        if (filter.Type is { } type)
        {
            query.Where(e => e.TypeCode == type);
        }

        if (filter.ItemType is { } itemType)
        {
            query.Where(e => e.ItemType == itemType);
        }

        if (filter.ItemId is { } item)
        {
            query.Where(e => e.ItemId == item);
        }

        if (filter.CaseId is { } caseId)
        {
            query.Where(e => e.CaseId == caseId);
        }

        if (filter.From is { } from)
        {
            var since = from.ToUniversalTime();
            query.Where(e => e.OccurredAt >= since);
        }

        if (filter.To is { } to)
        {
            var until = to.ToUniversalTime();
            query.Where(e => e.OccurredAt < until);
        }

        return query;
    }
}

internal sealed class ListActivityHandler(ActivityDbContext db, ActivityNames names) : IQueryHandler<ListActivity, Page<ActivityEntryDto>>
{
    public async Task<Result<Page<ActivityEntryDto>>> Handle(ListActivity request, CancellationToken cancellationToken)
    {
        if (!KeysetCursor.TryDecode(request.Page.Cursor, out TimePosition? after))
        {
            return KeysetCursor.Invalid;
        }

        var limit = request.Page.Limit;
        var rows = await db.Entries.WithSpecification(new ActivityMatchingPage(request.Filter, after, limit + 1)).ToListAsync(cancellationToken);
        long? total = request.Page.CountsTotal ? await db.Entries.WithSpecification(new ActivityMatching(request.Filter)).LongCountAsync(cancellationToken) : null;
        var page = KeysetPage.From(rows, limit, ActivityPages.CursorAfter, total);
        var named = await names.OfAsync(page.Items, cancellationToken);
        return new Page<ActivityEntryDto>(page.Items.Select(e => ActivityEntryDto.From(e, named)).ToList(), page.Items.Count, total, page.NextCursor);
    }
}

internal sealed class ListActivityEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/activity", async (
                Guid? userId,
                string? type,
                string? itemType,
                Guid? itemId,
                Guid? caseId,
                DateTimeOffset? from,
                DateTimeOffset? to,
                [AsParameters] PageParameters paging,
                HttpContext http,
                ISender sender,
                CancellationToken ct) =>
                (await sender.Send(new ListActivity(new ActivityFilter(userId, type, itemType, itemId, caseId, from, to), paging.ToQuery()), ct)).ToPagedOk(http))
            .RequirePermission(AdminPermissions.CanManageAdmins)
            .WithName("listActivity").Produces<Page<ActivityEntryDto>>()
            .WithSummary("The activity log of the whole product, newest first (userId, type, itemType, itemId, caseId, from, to, limit, cursor)");
}
