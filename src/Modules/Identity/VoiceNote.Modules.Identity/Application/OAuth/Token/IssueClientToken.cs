using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.OAuth.Token;

/// <summary>
/// The client_credentials grant, after OpenIddict has authenticated the client: a partner's token acting
/// for the client's owner, with the requested scopes (or all of the client's when none are asked).
/// </summary>
[AnonymousAllowed]
internal sealed record IssueClientToken(string ClientId, IReadOnlyList<string> Scopes) : ICommand<ClientGrant>;

/// <summary>Whom a client token acts for, and with which scopes.</summary>
internal sealed record ClientGrant(Guid OwnerId, IReadOnlyList<string> Scopes);

internal sealed class IssueClientTokenHandler(IdentityDbContext db, TimeProvider clock) : ICommandHandler<IssueClientToken, ClientGrant>
{
    public async Task<Result<ClientGrant>> Handle(IssueClientToken request, CancellationToken cancellationToken)
    {
        // Anonymous request: the owner filter would hide every client, so this lookup lifts it by design.
        var client = await db.OAuthClients.IgnoreQueryFilters([ModuleDbContext.OwnerFilter])
            .FirstOrDefaultAsync(c => c.ClientId == request.ClientId, cancellationToken);
        var owner = client is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == client.OwnerId.Value, cancellationToken);
        if (client is null || !client.Enabled || owner is null || !owner.CanSignIn)
        {
            return IdentityErrors.InvalidClient;
        }

        if (request.Scopes.Any(s => !client.Scopes.Contains(s, StringComparer.Ordinal)))
        {
            return IdentityErrors.InvalidScope;
        }

        client.LastUsedAt = clock.GetUtcNow();
        return new ClientGrant(owner.Id, request.Scopes.Count > 0 ? request.Scopes : client.Scopes);
    }
}
