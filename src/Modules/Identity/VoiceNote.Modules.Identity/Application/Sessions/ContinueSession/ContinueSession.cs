using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.Identity.Application.Sessions.ContinueSession;

/// <summary>
/// New tokens for a session OpenIddict has vouched for (a rotated refresh token, a redeemed
/// authorization code): the session must still be live and its user able to sign in.
/// </summary>
[AnonymousAllowed]
internal sealed record ContinueSession(Guid SessionId, Guid UserId) : ICommand<StartedSession>;

internal sealed class ContinueSessionHandler(SessionIssuer sessions) : ICommandHandler<ContinueSession, StartedSession>
{
    public Task<Result<StartedSession>> Handle(ContinueSession request, CancellationToken cancellationToken) =>
        sessions.ContinueAsync(request.SessionId, request.UserId, cancellationToken);
}
