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

namespace VoiceNote.Modules.Activity.Application.MyActivity.ListMyActivity;

/// <summary>
/// The caller's own security log, newest first: sign-ins, failed sign-ins on the account, password changes, deletion
/// and restore, with address and user agent. Like the session list it is for the person in the product's own apps,
/// not for a partner acting for them (docs/decisions/0078).
/// </summary>
internal sealed record ListMyActivity(PageQuery Page) : IQuery<Page<ActivityEntryDto>>;

internal sealed class ListMyActivityValidator : AbstractValidator<ListMyActivity>
{
    public ListMyActivityValidator() => RuleFor(q => q.Page).ValidPage();
}

/// <summary>The entries of one account in the security types: what the log counts.</summary>
internal sealed class SecurityLogOf : Specification<ActivityEntry>
{
    public SecurityLogOf(Guid userId, IReadOnlyCollection<string> securityTypes) => Query.Where(e => e.UserId == userId && securityTypes.Contains(e.TypeCode));
}

internal sealed class SecurityLogPage : Specification<ActivityEntry>
{
    public SecurityLogPage(Guid userId, IReadOnlyCollection<string> securityTypes, TimePosition? after, int take) =>
        Query.Where(e => e.UserId == userId && securityTypes.Contains(e.TypeCode)).NewestFirstAfter(after, take);
}

internal sealed class ListMyActivityHandler(ActivityDbContext db, ICurrentUser caller, ActivityNames names) : IQueryHandler<ListMyActivity, Page<ActivityEntryDto>>
{
    public async Task<Result<Page<ActivityEntryDto>>> Handle(ListMyActivity request, CancellationToken cancellationToken)
    {
        if (!KeysetCursor.TryDecode(request.Page.Cursor, out TimePosition? after))
        {
            return KeysetCursor.Invalid;
        }

        var me = caller.Id.Value;
        var security = await db.Types.AsNoTracking().Where(t => t.Category == ActivityCategories.Security).Select(t => t.Code).ToListAsync(cancellationToken);
        var limit = request.Page.Limit;
        var rows = await db.Entries.WithSpecification(new SecurityLogPage(me, security, after, limit + 1)).ToListAsync(cancellationToken);
        long? total = request.Page.CountsTotal ? await db.Entries.WithSpecification(new SecurityLogOf(me, security)).LongCountAsync(cancellationToken) : null;
        var page = KeysetPage.From(rows, limit, ActivityPages.CursorAfter, total);
        var named = await names.OfAsync(page.Items, cancellationToken);
        return new Page<ActivityEntryDto>(page.Items.Select(e => ActivityEntryDto.From(e, named)).ToList(), page.Items.Count, total, page.NextCursor);
    }
}

internal sealed class ListMyActivityEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/me/activity", async ([AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListMyActivity(paging.ToQuery()), ct)).ToPagedOk(http))
            .RequireInteractiveUser().WithTags("Accounts")
            .WithName("listMyActivity").Produces<Page<ActivityEntryDto>>()
            .WithSummary("This account's security log, newest first: sign-ins, failed sign-ins, password changes (limit, cursor)");
}
