using FluentValidation;
using Mapster;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Application.Admins.Common;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Admins.Users.ListUsers;

/// <summary>
/// Every account, newest first: a case-insensitive substring search over email, username and display
/// name, and optional filters. A filter left out does not filter (deleted accounts are included).
/// Keyset-paged on (created_at, id) descending.
/// </summary>
[Requires(Permission = AdminPermissions.CanViewAllUsers)]
internal sealed record ListUsers(string? Search, bool? IsActive, bool? IsDeleted, bool? IsAdmin, PageQuery Page) : IQuery<Page<AdminUserDto>>;

internal sealed class ListUsersValidator : AbstractValidator<ListUsers>
{
    public ListUsersValidator()
    {
        RuleFor(q => q.Search).MaximumLength(100);
        RuleFor(q => q.Page).ValidPage();
    }
}

internal sealed class ListUsersHandler(IdentityDbContext db) : IQueryHandler<ListUsers, Page<AdminUserDto>>
{
    public async Task<Result<Page<AdminUserDto>>> Handle(ListUsers request, CancellationToken cancellationToken)
    {
        if (!KeysetCursor.TryDecode(request.Page.Cursor, out TimePosition? after))
        {
            return KeysetCursor.Invalid;
        }

        var (search, isActive, isDeleted, isAdmin, limit) = (request.Search, request.IsActive, request.IsDeleted, request.IsAdmin, request.Page.Limit);
        var rows = await db.Users.WithSpecification(new UsersPage(search, isActive, isDeleted, isAdmin, after, limit))
            .ProjectToType<AdminUserDto>(IdentityMappings.Config)
            .ToListAsync(cancellationToken);
        long? total = request.Page.CountsTotal
            ? await db.Users.WithSpecification(new UsersMatching(search, isActive, isDeleted, isAdmin)).LongCountAsync(cancellationToken)
            : null;
        return KeysetPage.From(rows, limit, last => new TimePosition(last.CreatedAt, last.Id).Encode(), total);
    }
}

internal sealed class ListUsersEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/users", async (string? search, bool? isActive, bool? isDeleted, bool? isAdmin, [AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListUsers(search, isActive, isDeleted, isAdmin, paging.ToQuery()), ct)).ToPagedOk(http))
            .RequirePermission(AdminPermissions.CanViewAllUsers)
            .WithName("listUsers").Produces<Page<AdminUserDto>>()
            .WithSummary("List and search accounts (search, isActive, isDeleted, isAdmin, limit, cursor)");
}
