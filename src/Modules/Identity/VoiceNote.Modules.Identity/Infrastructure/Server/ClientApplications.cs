using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Security;
using VoiceNote.Modules.Identity.Domain;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace VoiceNote.Modules.Identity.Infrastructure.Server;

/// <summary>
/// Keeps OpenIddict's client registry in step with the module: the product's own two apps, and one
/// confidential client per partner client a user registers (its owner, name and enabled flag stay in
/// <see cref="OAuthClient"/>; the protocol side — secret, grants, scopes — lives here).
/// </summary>
internal sealed class ClientApplications(IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations, IOptions<AuthorizationServerOptions> options)
{
    public async Task SavePartnerAsync(OAuthClient client, string? newSecret, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = client.Name,
        };
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection, Permissions.GrantTypes.ClientCredentials]);
        descriptor.Permissions.UnionWith(client.Scopes.Select(s => Permissions.Prefixes.Scope + s));
        if (client.RedirectUris.Count > 0)
        {
            // Acting for a user: the code flow with PKCE, refresh tokens if the user grants offline_access.
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                .. OpenIddictRegistration.ProtocolScopes.Select(s => Permissions.Prefixes.Scope + s)]);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            descriptor.RedirectUris.UnionWith(client.RedirectUris.Select(u => new Uri(u, UriKind.Absolute)));
        }

        var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
        if (existing is null)
        {
            descriptor.ClientSecret = newSecret ?? throw new InvalidOperationException("A new partner client needs its secret.");
            await applications.CreateAsync(descriptor, cancellationToken);
            return;
        }

        var current = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(current, existing, cancellationToken);
        descriptor.ClientSecret = current.ClientSecret;
        await applications.UpdateAsync(existing, descriptor, cancellationToken);
        if (newSecret is not null)
        {
            await applications.UpdateAsync(existing, newSecret, cancellationToken);
        }
    }

    /// <summary>Revokes every token and grant issued to the client (disabled, secret rotated, deleted).</summary>
    public async Task RevokeTokensAsync(string clientId, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application
            && await applications.GetIdAsync(application, cancellationToken) is { } id)
        {
            await tokens.RevokeByApplicationIdAsync(id, cancellationToken);
            await authorizations.RevokeByApplicationIdAsync(id, cancellationToken);
        }
    }

    public async Task DeletePartnerAsync(string clientId, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application)
        {
            await applications.DeleteAsync(application, cancellationToken);
        }
    }

    /// <summary>Registers (or brings up to date) the product's own apps; both are public clients.</summary>
    public async Task EnsureFirstPartyAsync(CancellationToken cancellationToken)
    {
        var scopes = ApiScopes.All.Concat(OpenIddictRegistration.ProtocolScopes).Select(s => Permissions.Prefixes.Scope + s).ToList();

        var app = new OpenIddictApplicationDescriptor { ClientId = VoiceNoteClients.App, ClientType = ClientTypes.Public, DisplayName = "VoiceNote app", ConsentType = ConsentTypes.Implicit };
        app.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.Password, Permissions.GrantTypes.RefreshToken, .. scopes]);
        await UpsertAsync(app, cancellationToken);

        var web = new OpenIddictApplicationDescriptor { ClientId = VoiceNoteClients.Web, ClientType = ClientTypes.Public, DisplayName = "VoiceNote web", ConsentType = ConsentTypes.Implicit };
        web.Permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code, .. scopes]);
        web.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        web.RedirectUris.UnionWith(options.Value.WebRedirectUris.Select(u => new Uri(u, UriKind.Absolute)));
        await UpsertAsync(web, cancellationToken);
    }

    private async Task UpsertAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }
}

/// <summary>Registers the product's own OAuth clients at start-up, after migrations.</summary>
internal sealed class FirstPartyClientsStartup(ClientApplications clients) : VoiceNote.Infrastructure.Modules.IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken) => clients.EnsureFirstPartyAsync(cancellationToken);
}
