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
/// </summary>
[Requires(Permission = AdminPermissions.CanViewAllUsers)]
internal sealed record ListUsers(string? Search, bool? IsActive, bool? IsDeleted, bool? IsAdmin, int Page = 1, int Size = PageRequest.DefaultSize)
    : IQuery<Page<AdminUserDto>>;

internal sealed class ListUsersValidator : AbstractValidator<ListUsers>
{
    /// <summary>Deep offset pages are pointless for an admin list and would overflow the offset.</summary>
    public const int MaxPage = 10_000;

    public ListUsersValidator()
    {
        RuleFor(q => q.Search).MaximumLength(100);
        RuleFor(q => q.Page).InclusiveBetween(1, MaxPage);
        RuleFor(q => q.Size).InclusiveBetween(1, PageRequest.MaxSize);
    }
}

internal sealed class ListUsersHandler(IdentityDbContext db) : IQueryHandler<ListUsers, Page<AdminUserDto>>
{
    public async Task<Result<Page<AdminUserDto>>> Handle(ListUsers request, CancellationToken cancellationToken)
    {
        var page = new PageRequest(request.Page, request.Size);
        var total = await db.Users.WithSpecification(new UsersMatching(request.Search, request.IsActive, request.IsDeleted, request.IsAdmin))
            .LongCountAsync(cancellationToken);
        var items = await db.Users.WithSpecification(new UsersPage(request.Search, request.IsActive, request.IsDeleted, request.IsAdmin, page.Skip, page.Size))
            .ProjectToType<AdminUserDto>(IdentityMappings.Config)
            .ToListAsync(cancellationToken);
        return new Page<AdminUserDto>(items, page.Size, total, null);
    }
}

internal sealed class ListUsersEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/users", async (string? search, bool? isActive, bool? isDeleted, bool? isAdmin, int? page, int? size, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListUsers(search, isActive, isDeleted, isAdmin, page ?? 1, size ?? PageRequest.DefaultSize), ct)).ToOk())
            .RequirePermission(AdminPermissions.CanViewAllUsers)
            .WithName("listUsers").Produces<Page<AdminUserDto>>()
            .WithSummary("List and search accounts (search, isActive, isDeleted, isAdmin, page, size)");
}
