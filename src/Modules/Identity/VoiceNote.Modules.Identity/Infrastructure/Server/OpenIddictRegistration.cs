using Microsoft.Extensions.Configuration;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Security;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace VoiceNote.Modules.Identity.Infrastructure.Server;

/// <summary>
/// The OAuth 2.0 / OpenID Connect server (OpenIddict) and the API's token validation, ADR 0059. The
/// protocol is OpenIddict's; the token endpoint and the authorization endpoint pass through to the
/// module's own use cases, which keep the sign-in rules (lockout, throttling, decoy hashing) and sessions.
/// </summary>
internal static class OpenIddictRegistration
{
    public const string TokenPath = "/connect/token";
    public const string AuthorizePath = "/connect/authorize";
    public const string JsonSignInPath = "/api/v1/auth/sign-in";
    public const string JsonRefreshPath = "/api/v1/auth/refresh";

    /// <summary>The JSON sign-in and refresh: token endpoint addresses that read JSON and answer problems.</summary>
    public static bool IsJsonAddress(HttpRequest request) =>
        request.Path.Equals(JsonSignInPath, StringComparison.OrdinalIgnoreCase)
        || request.Path.Equals(JsonRefreshPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Besides the API's own scopes: OpenID Connect's, and offline_access, which asks for a refresh token.</summary>
    public static IReadOnlyList<string> ProtocolScopes { get; } = [Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess];

    public static void AddAuthorizationServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthorizationServerOptions>().Bind(configuration.GetSection(AuthorizationServerOptions.Section));
        var allowHttp = configuration.GetValue<bool>($"{AuthorizationServerOptions.Section}:{nameof(AuthorizationServerOptions.AllowHttp)}");

        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>().ReplaceDefaultEntities<Guid>();
                core.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication<Guid>, HashedSecretApplicationManager>();
            })
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenPath, JsonSignInPath, JsonRefreshPath)
                    .SetAuthorizationEndpointUris(AuthorizePath)
                    .SetRevocationEndpointUris("/connect/revoke")
                    .SetIntrospectionEndpointUris("/connect/introspect")
                    .SetUserInfoEndpointUris(Application.OAuth.UserInfo.UserInfoEndpoint.Path)
                    .SetConfigurationEndpointUris("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")
                    .SetJsonWebKeySetEndpointUris("/.well-known/jwks.json");

                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowPasswordFlow()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();

                // Reuse of a spent refresh token must be detected, so there is no grace period: the
                // chain's tokens are revoked (RefreshReuseRecorder also ends the session).
                server.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                server.UseReferenceRefreshTokens();

                // RFC 9068 "at+jwt" access tokens, signed and readable by any resource server.
                server.DisableAccessTokenEncryption();
                server.RegisterScopes([.. ApiScopes.All, .. ProtocolScopes]);
                // What UserInfo and the tokens can say about a person (OIDC Core §5.1), for discovery's claims_supported.
                server.RegisterClaims(Claims.Name, Claims.PreferredUsername, Claims.Email, Claims.EmailVerified, VoiceNoteClaims.SessionId, VoiceNoteClaims.ClientId, VoiceNoteClaims.Scope);
                server.RegisterAudiences(VoiceNoteClients.ApiAudience);
                server.Configure(options =>
                {
                    // PKCE with S256 only: "plain" gives no protection against a stolen code.
                    options.CodeChallengeMethods.Clear();
                    options.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);

                    // Only the authentication methods clients can actually use here (no JWT assertions, no mTLS).
                    options.ClientAuthenticationMethods.Clear();
                    options.ClientAuthenticationMethods.Add(ClientAuthenticationMethods.ClientSecretBasic);
                    options.ClientAuthenticationMethods.Add(ClientAuthenticationMethods.ClientSecretPost);
                    options.ClientAssertionTypes.Clear();

                    options.ResponseTypes.Clear();
                    options.ResponseTypes.Add(ResponseTypes.Code);
                    // Only the prompts the authorization endpoint honours (no account picker: one person per browser sign-in).
                    options.PromptValues.Clear();
                    options.PromptValues.UnionWith([PromptValues.Login, PromptValues.None, PromptValues.Consent]);

                    // The code comes back in the query (RFC 6749 §4.1.2): the one mode every client handles.
                    options.ResponseModes.Clear();
                    options.ResponseModes.Add(ResponseModes.Query);
                });

                var aspNetCore = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (allowHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }

                server.AddEventHandler(RefreshReuseRecorder.Descriptor);
                server.AddEventHandler(ScopePermissionErrors<OpenIddictServerEvents.ValidateTokenRequestContext>.Descriptor(
                    OpenIddictServerHandlers.Exchange.ValidateScopePermissions.Descriptor.Order));
                server.AddEventHandler(ScopePermissionErrors<OpenIddictServerEvents.ValidateAuthorizationRequestContext>.Descriptor(
                    OpenIddictServerHandlers.Authentication.ValidateScopePermissions.Descriptor.Order));
                server.RemoveEventHandler(OpenIddictServerAspNetCoreHandlers.ExtractPostRequest<OpenIddictServerEvents.ExtractTokenRequestContext>.Descriptor);
                server.AddEventHandler(JsonTokenRequests.Descriptor);
                server.AddEventHandler(JsonTokenProblems.Descriptor);
                server.RemoveEventHandler(OpenIddictServerAspNetCoreHandlers.ExtractGetOrPostRequest<OpenIddictServerEvents.ExtractUserInfoRequestContext>.Descriptor);
                server.AddEventHandler(BodilessUserInfoRequests.Descriptor);
                server.AddEventHandler(IssuerEndpoints.Descriptor);
                server.AddEventHandler(AnonymousTokenRequests.Descriptor);
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.AddAudiences(VoiceNoteClients.ApiAudience);
                validation.AddEventHandler(LiveTokenCheck.Descriptor);
            });

        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<OpenIddict.Server.OpenIddictServerOptions>, ServerSettings>();
        services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        services.AddScoped<ClientApplications>();
        services.AddBrowserSignIn(configuration);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ScopeChallenge>();
    }
}
