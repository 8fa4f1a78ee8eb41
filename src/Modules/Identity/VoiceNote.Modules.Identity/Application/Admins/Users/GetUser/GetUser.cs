using Mapster;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Application.Admins.Common;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Admins.Users.GetUser;

/// <summary>One account, deleted or not, as an admin sees it.</summary>
[Requires(Permission = AdminPermissions.CanViewAllUsers)]
internal sealed record GetUser(Guid UserId) : IQuery<AdminUserDto>;

internal sealed class GetUserHandler(IdentityDbContext db) : IQueryHandler<GetUser, AdminUserDto>
{
    public async Task<Result<AdminUserDto>> Handle(GetUser request, CancellationToken cancellationToken)
    {
        var user = await db.Users.WithSpecification(new UserById(request.UserId)).ProjectToType<AdminUserDto>(IdentityMappings.Config).FirstOrDefaultAsync(cancellationToken);
        return user is null ? IdentityErrors.UserNotFound : user;
    }
}

internal sealed class GetUserEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/users/{id}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetUser(id), ct)).ToOk())
            .RequirePermission(AdminPermissions.CanViewAllUsers)
            .WithName("getUser").Produces<AdminUserDto>()
            .WithSummary("One account with its admin and lockout fields");
}
