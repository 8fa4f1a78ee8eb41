using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.Identity.Application.OAuth.Authorize.ReviewAuthorization;

/// <summary>What the consent page shows for an authorization request (OpenIddict has checked its protocol part).</summary>
[AnonymousAllowed]
internal sealed record ReviewAuthorization(string ClientId, IReadOnlyList<string> Scopes) : IQuery<AuthorizationReview>;

internal sealed class ReviewAuthorizationHandler(ClientAccess access) : IQueryHandler<ReviewAuthorization, AuthorizationReview>
{
    public Task<Result<AuthorizationReview>> Handle(ReviewAuthorization request, CancellationToken cancellationToken) =>
        access.ReviewAsync(request.ClientId, request.Scopes, cancellationToken);
}
