using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Profiles.GetProfile;

/// <summary>The caller's profile and AI context; the defaults when no profile row exists yet.</summary>
[Requires(Scope = ApiScopes.ProfileRead)]
internal sealed record GetProfile : IQuery<ProfileDto>;

internal sealed class GetProfileHandler(IdentityDbContext db, ICurrentUser caller) : IQueryHandler<GetProfile, ProfileDto>
{
    public async Task<Result<ProfileDto>> Handle(GetProfile request, CancellationToken cancellationToken)
    {
        // Profiles are keyed by the user id (one per user), not IOwnedByUser: the caller's id is the key.
        var userId = caller.Id.Value;
        var profile = await db.Profiles.AsNoTracking().WithSpecification(new ProfileOfUser(userId)).FirstOrDefaultAsync(cancellationToken);
        if (profile is not null)
        {
            return ProfileDto.From(profile);
        }

        var user = await db.Users.WithSpecification(new UserById(userId)).Select(u => new { u.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
        return user is null ? IdentityErrors.UserNotFound : ProfileDto.From(UserProfile.For(userId, user.CreatedAt));
    }
}

internal sealed class GetProfileEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/me/profile", async (HttpContext http, ISender sender, CancellationToken ct) => (await sender.Send(new GetProfile(), ct)).ToTaggedOk(http))
            .RequireScope(ApiScopes.ProfileRead)
            .WithTags("Profile")
            .WithName("getProfile").Produces<ProfileDto>().Produces(StatusCodes.Status304NotModified)
            .WithSummary("Roles, AI context, work hours and settings of the signed-in account");
}
