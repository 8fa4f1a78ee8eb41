using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Admins.Actions.ListAdminActions;

/// <summary>
/// The admin audit trail, newest first, optionally for one admin or one target account. It watches
/// the admins, so it belongs to those who appoint them (docs/decisions/0017).
/// </summary>
[Requires(Permission = AdminPermissions.CanManageAdmins)]
internal sealed record ListAdminActions(Guid? AdminId, Guid? TargetUserId, PageQuery Page) : IQuery<Page<AdminActionDto>>;

/// <summary>
/// One audit row, with the usernames of the admin and the target as they are now (null when gone). Mapped
/// by hand (docs/decisions/0003): the names come from a second query and the details are parsed JSON.
/// </summary>
internal sealed record AdminActionDto(
    Guid Id,
    DateTimeOffset At,
    Guid AdminId,
    string? AdminUsername,
    string Action,
    Guid? TargetUserId,
    string? TargetUsername,
    JsonElement? Details,
    string? IpAddress);

internal sealed class ListAdminActionsValidator : AbstractValidator<ListAdminActions>
{
    public ListAdminActionsValidator() => RuleFor(q => q.Page).ValidPage();
}

internal sealed class ListAdminActionsHandler(IdentityDbContext db) : IQueryHandler<ListAdminActions, Page<AdminActionDto>>
{
    public async Task<Result<Page<AdminActionDto>>> Handle(ListAdminActions request, CancellationToken cancellationToken)
    {
        if (!KeysetCursor.TryDecode(request.Page.Cursor, out TimePosition? after))
        {
            return KeysetCursor.Invalid;
        }

        var limit = request.Page.Limit;
        var read = await db.AdminActions.WithSpecification(new AdminActionsPage(request.AdminId, request.TargetUserId, after, limit))
            .ToListAsync(cancellationToken);
        long? total = request.Page.CountsTotal
            ? await db.AdminActions.WithSpecification(new AdminActionsOf(request.AdminId, request.TargetUserId)).LongCountAsync(cancellationToken)
            : null;
        var page = KeysetPage.From(read, limit, last => new TimePosition(last.At, last.Id).Encode(), total);
        var rows = page.Items;

        var ids = rows.Select(a => a.AdminId).Concat(rows.Where(a => a.TargetUserId is not null).Select(a => a.TargetUserId!.Value)).Distinct().ToList();
        var names = await db.Users.WithSpecification(new AccountNamesOf(ids)).ToDictionaryAsync(n => n.Id, n => n.Username, cancellationToken);
        var items = rows.Select(a => new AdminActionDto(
                a.Id,
                a.At,
                a.AdminId,
                names.GetValueOrDefault(a.AdminId),
                a.Action,
                a.TargetUserId,
                a.TargetUserId is { } target ? names.GetValueOrDefault(target) : null,
                a.Details is null ? null : JsonDocument.Parse(a.Details).RootElement.Clone(),
                a.IpAddress))
            .ToList();
        return new Page<AdminActionDto>(items, items.Count, total, page.NextCursor);
    }
}

internal sealed class ListAdminActionsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/actions", async (Guid? adminId, Guid? targetUserId, [AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListAdminActions(adminId, targetUserId, paging.ToQuery()), ct)).ToPagedOk(http))
            .RequirePermission(AdminPermissions.CanManageAdmins)
            .WithName("listAdminActions").Produces<Page<AdminActionDto>>()
            .WithSummary("The admin audit trail, newest first (adminId, targetUserId, limit, cursor)");
}
