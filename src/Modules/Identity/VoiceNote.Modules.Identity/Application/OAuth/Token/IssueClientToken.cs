using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Infrastructure.Tokens;

namespace VoiceNote.Modules.Identity.Application.OAuth.Token;

/// <summary>
/// The client_credentials grant: a partner's token acting for the client's owner, with the requested
/// scopes (or all of the client's when none are asked), never more than the client was given.
/// </summary>
[AnonymousAllowed]
internal sealed record IssueClientToken(string ClientId, string ClientSecret, string? Scope) : ICommand<TokenResponse>;

internal sealed class IssueClientTokenHandler(IdentityDbContext db, AccessTokenIssuer tokens, TimeProvider clock) : ICommandHandler<IssueClientToken, TokenResponse>
{
    public async Task<Result<TokenResponse>> Handle(IssueClientToken request, CancellationToken cancellationToken)
    {
        // Anonymous request: the owner filter would hide every client, so this lookup lifts it by design.
        var client = await db.OAuthClients.IgnoreQueryFilters([ModuleDbContext.OwnerFilter])
            .FirstOrDefaultAsync(c => c.ClientId == request.ClientId, cancellationToken);
        if (client is null || !OpaqueTokens.Matches(request.ClientSecret, client.SecretHash) || !client.Enabled)
        {
            return IdentityErrors.InvalidClient;
        }

        var owner = await db.Users.AsNoTracking().FirstAsync(u => u.Id == client.OwnerId.Value, cancellationToken);
        if (!owner.CanSignIn)
        {
            return IdentityErrors.InvalidClient;
        }

        IReadOnlyList<string> scopes = client.Scopes;
        if (!string.IsNullOrWhiteSpace(request.Scope))
        {
            var asked = request.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
            if (!asked.All(s => client.Scopes.Contains(s, StringComparer.Ordinal)))
            {
                return IdentityErrors.InvalidScope;
            }

            scopes = asked;
        }

        client.LastUsedAt = clock.GetUtcNow();
        var access = await tokens.IssueAsync(owner.Id, sessionId: null, new ClientBinding(client.ClientId, ClientSecretVersion.Of(client.SecretHash)), scopes, cancellationToken);
        return new TokenResponse(access.Token, "Bearer", access.ExpiresInSeconds, RefreshToken: null, string.Join(' ', scopes), SessionId: null);
    }
}
