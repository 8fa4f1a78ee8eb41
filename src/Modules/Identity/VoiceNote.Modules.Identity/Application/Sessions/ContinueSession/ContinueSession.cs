using VoiceNote.Application.Messaging;
using VoiceNote.Application.Persistence;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.Identity.Application.Sessions.ContinueSession;

/// <summary>
/// New tokens for a session OpenIddict has vouched for (a rotated refresh token, a redeemed
/// authorization code): the session must still be live and its user able to sign in.
/// </summary>
/// <remarks>
/// OpenIddict ignores a failed redemption of a refresh token (it expects concurrent requests), so
/// <paramref name="RefreshTokenId"/> is claimed here with a conditional update: of two requests with
/// one token only one wins, and the loser is treated as reuse (the session ends, and that is kept).
/// </remarks>
[AnonymousAllowed]
[PersistsOnFailure]
internal sealed record ContinueSession(Guid SessionId, Guid UserId, Guid? RefreshTokenId) : ICommand<StartedSession>;

internal sealed class ContinueSessionHandler(SessionIssuer sessions) : ICommandHandler<ContinueSession, StartedSession>
{
    public Task<Result<StartedSession>> Handle(ContinueSession request, CancellationToken cancellationToken) =>
        sessions.ContinueAsync(request.SessionId, request.UserId, request.RefreshTokenId, cancellationToken);
}
