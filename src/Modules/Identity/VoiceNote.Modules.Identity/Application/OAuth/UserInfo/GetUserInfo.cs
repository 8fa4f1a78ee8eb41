using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace VoiceNote.Modules.Identity.Application.OAuth.UserInfo;

/// <summary>
/// OpenID Connect's UserInfo (OIDC Core §5.3): "sub" always, name and username with the "profile"
/// scope, the email address with "email" (§5.4). The token must carry "openid".
/// </summary>
[Requires(Scope = Scopes.OpenId)]
internal sealed record GetUserInfo : IQuery<Dictionary<string, object>>;

internal sealed class GetUserInfoHandler(IdentityDbContext db, ICurrentUser caller) : IQueryHandler<GetUserInfo, Dictionary<string, object>>
{
    public async Task<Result<Dictionary<string, object>>> Handle(GetUserInfo request, CancellationToken cancellationToken)
    {
        var userId = caller.Id.Value;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.UserName, u.Email, u.EmailConfirmed })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return IdentityErrors.UserNotFound;
        }

        var claims = new Dictionary<string, object> { [Claims.Subject] = userId.ToString() };
        if (caller.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.DisplayName;
            claims[Claims.PreferredUsername] = user.UserName ?? string.Empty;
        }

        if (caller.HasScope(Scopes.Email) && user.Email is not null)
        {
            claims[Claims.Email] = user.Email;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }

        return claims;
    }
}

internal sealed class UserInfoEndpoint : IEndpoint
{
    public const string Path = "/connect/userinfo";

    public void MapEndpoint(ApiRoutes routes) =>
        routes.Root.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], async (ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetUserInfo(), ct)).ToOk())
            .RequireScope(Scopes.OpenId)
            .DisableAntiforgery()
            .ExcludeFromDescription();
}
