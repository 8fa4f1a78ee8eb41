using Mapster;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.OAuth.Clients.GetClient;

internal sealed record GetClient(Guid Id) : IQuery<OAuthClientDto>;

internal sealed class GetClientHandler(IdentityDbContext db, ICurrentUser caller) : IQueryHandler<GetClient, OAuthClientDto>
{
    public async Task<Result<OAuthClientDto>> Handle(GetClient request, CancellationToken cancellationToken)
    {
        if (!caller.IsInteractive())
        {
            return IdentityErrors.InteractiveOnly;
        }

        // The owner filter: another user's client is not found (404), never forbidden.
        var client = await db.OAuthClients.WithSpecification(new ClientById(request.Id)).ProjectToType<OAuthClientDto>(IdentityMappings.Config).FirstOrDefaultAsync(cancellationToken);
        return client is null ? IdentityErrors.OAuthClientNotFound : client;
    }
}

internal sealed class GetClientEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/oauth-clients/{id}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetClient(id), ct)).ToOk())
            .RequireInteractiveUser()
            .WithTags("OAuth clients")
            .WithName("getClient").Produces<OAuthClientDto>()
            .WithSummary("One partner client (without its secret)");
}
