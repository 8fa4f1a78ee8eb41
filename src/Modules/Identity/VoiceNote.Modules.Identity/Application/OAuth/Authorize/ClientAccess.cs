using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Infrastructure.Security;
using VoiceNote.Modules.Identity.Application.Sessions;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.OAuth.Authorize;

/// <summary>What a client asks of a person in the authorization code flow: who it is, which scopes, whether to ask.</summary>
internal sealed record AuthorizationReview(string ClientName, bool NeedsConsent, IReadOnlyList<string> Scopes);

/// <summary>
/// Decides what an authorization request may get: the product's web app gets any API scope without a
/// consent page; a partner's client (registered by any user) gets at most its registered scopes, only
/// while enabled, and only after the person consents.
/// </summary>
internal sealed class ClientAccess(IdentityDbContext db)
{
    public static readonly Error ClientUnavailable =
        Error.Forbidden("auth.client_unavailable", "This application is disabled or no longer registered.");

    public async Task<Result<AuthorizationReview>> ReviewAsync(string clientId, IEnumerable<string> requested, CancellationToken cancellationToken)
    {
        if (VoiceNoteClaims.FirstPartyClients.Contains(clientId, StringComparer.Ordinal))
        {
            var own = SessionIssuer.ResolveScopes(requested, ApiScopes.All);
            return own.IsSuccess ? new AuthorizationReview("VoiceNote", NeedsConsent: false, own.Value) : own.Error;
        }

        // A partner's client acts for whoever consents, not only for the user who registered it.
        var client = await db.OAuthClients.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).AsNoTracking()
            .Where(c => c.ClientId == clientId && c.Enabled)
            .Select(c => new { c.Name, c.Scopes })
            .FirstOrDefaultAsync(cancellationToken);
        if (client is null)
        {
            return ClientUnavailable;
        }

        var scopes = SessionIssuer.ResolveScopes(requested, client.Scopes);
        return scopes.IsSuccess ? new AuthorizationReview(client.Name, NeedsConsent: true, scopes.Value) : scopes.Error;
    }
}
