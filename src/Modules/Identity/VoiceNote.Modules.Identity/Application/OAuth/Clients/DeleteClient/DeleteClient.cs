using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Infrastructure.Server;

namespace VoiceNote.Modules.Identity.Application.OAuth.Clients.DeleteClient;

/// <summary>Delete a partner client; its tokens are refused from the next request on.</summary>
internal sealed record DeleteClient(Guid Id) : ICommand;

internal sealed class DeleteClientHandler(IdentityDbContext db, ClientApplications applications, ICurrentUser caller) : ICommandHandler<DeleteClient>
{
    public async Task<Result> Handle(DeleteClient request, CancellationToken cancellationToken)
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

        db.OAuthClients.Remove(client);
        await applications.RevokeTokensAsync(client.ClientId, cancellationToken);
        await applications.DeletePartnerAsync(client.ClientId, cancellationToken);
        return Result.Success();
    }
}

internal sealed class DeleteClientEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapDelete("/oauth-clients/{id}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new DeleteClient(id), ct)).ToNoContent())
            .RequireInteractiveUser()
            .WithTags("OAuth clients")
            .WithName("deleteClient").Produces(StatusCodes.Status204NoContent)
            .WithSummary("Delete a partner client; its tokens stop working at once");
}
