using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Infrastructure.Server;

namespace VoiceNote.Modules.Identity.Application.OAuth.Clients.RotateClientSecret;

/// <summary>
/// Give the client a new secret (shown once). The old secret stops working, and so do the tokens
/// issued with it: they carry a fingerprint of the secret they came from (docs/decisions/0013).
/// </summary>
internal sealed record RotateClientSecret(Guid Id) : ICommand<IssuedOAuthClientDto>;

internal sealed class RotateClientSecretHandler(IdentityDbContext db, ClientApplications applications, ICurrentUser caller, TimeProvider clock) : ICommandHandler<RotateClientSecret, IssuedOAuthClientDto>
{
    public async Task<Result<IssuedOAuthClientDto>> Handle(RotateClientSecret request, CancellationToken cancellationToken)
    {
        if (!caller.IsInteractive())
        {
            return IdentityErrors.InteractiveOnly;
        }

        var client = await db.OAuthClients.WithSpecification(new ClientById(request.Id)).FirstOrDefaultAsync(cancellationToken);
        if (client is null)
        {
            return IdentityErrors.OAuthClientNotFound;
        }

        var secret = ClientRules.NewSecret(client);
        client.UpdatedAt = clock.GetStoredNow();
        await applications.SavePartnerAsync(client, secret, cancellationToken);
        await applications.RevokeTokensAsync(client.ClientId, cancellationToken);
        return IssuedOAuthClientDto.From(client, secret);
    }
}

internal sealed class RotateClientSecretEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/oauth-clients/{id}/secret", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RotateClientSecret(id), ct)).ToHttp(client => new NoStoreResult(TypedResults.Ok(client))))
            .RequireInteractiveUser()
            .WithTags("OAuth clients")
            .WithName("rotateClientSecret").Produces<IssuedOAuthClientDto>()
            .WithSummary("Issue a new client secret (shown once); the old one and its tokens stop working");
}
