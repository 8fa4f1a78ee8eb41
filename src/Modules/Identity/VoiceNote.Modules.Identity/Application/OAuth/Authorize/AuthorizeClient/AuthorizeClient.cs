using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Application.Sessions;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.OAuth.Authorize.AuthorizeClient;

/// <summary>
/// A person signed in at the authorization server lets a client act for them (consented, or the
/// product's own web app): a session starts for that client, and OpenIddict issues the code for it.
/// </summary>
[AnonymousAllowed]
internal sealed record AuthorizeClient(Guid UserId, string ClientId, IReadOnlyList<string> Scopes, SessionDevice Device) : ICommand<StartedSession>;

internal sealed class AuthorizeClientHandler(IdentityDbContext db, ClientAccess access, SessionIssuer sessions) : ICommandHandler<AuthorizeClient, StartedSession>
{
    public async Task<Result<StartedSession>> Handle(AuthorizeClient request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.UserId, cancellationToken);
        if (user is null || !user.CanSignIn)
        {
            return IdentityErrors.InvalidCredentials;
        }

        var review = await access.ReviewAsync(request.ClientId, request.Scopes, cancellationToken);
        if (review.IsFailure)
        {
            return review.Error;
        }

        return await sessions.StartAsync(user, request.ClientId, request.Device, review.Value.Scopes, cancellationToken);
    }
}
