using Mapster;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.OAuth.Clients.ListClients;

/// <summary>The caller's partner clients, newest first.</summary>
internal sealed record ListClients : IQuery<IReadOnlyList<OAuthClientDto>>;

internal sealed class ListClientsHandler(IdentityDbContext db, ICurrentUser caller) : IQueryHandler<ListClients, IReadOnlyList<OAuthClientDto>>
{
    public async Task<Result<IReadOnlyList<OAuthClientDto>>> Handle(ListClients request, CancellationToken cancellationToken)
    {
        if (!caller.IsInteractive())
        {
            return IdentityErrors.InteractiveOnly;
        }

        // The owner filter limits this to the caller's clients.
        return await db.OAuthClients.WithSpecification(new ClientsOfOwner()).ProjectToType<OAuthClientDto>(IdentityMappings.Config).ToListAsync(cancellationToken);
    }
}

internal sealed class ListClientsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/oauth-clients", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListClients(), ct)).ToOk())
            .RequireInteractiveUser()
            .WithTags("OAuth clients")
            .WithName("listClients").Produces<IReadOnlyList<OAuthClientDto>>()
            .WithSummary("This account's partner clients (without secrets)");
}
