using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Infrastructure.Tokens;

namespace VoiceNote.Modules.Identity.Application.OAuth.Discovery;

/// <summary>The discovery document and the public signing keys (JWKS), so standard clients can validate our tokens.</summary>
internal sealed class DiscoveryEndpoints : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        routes.Root.MapGet("/.well-known/openid-configuration", (HttpContext http, IOptions<AuthOptions> auth) =>
            {
                var origin = $"{http.Request.Scheme}://{http.Request.Host}";
                return TypedResults.Ok(new Dictionary<string, object>
                {
                    ["issuer"] = auth.Value.Issuer,
                    ["token_endpoint"] = $"{origin}/connect/token",
                    ["jwks_uri"] = $"{origin}/.well-known/jwks.json",
                    ["grant_types_supported"] = new[] { "password", "refresh_token", "client_credentials" },
                    ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post" },
                    ["scopes_supported"] = ApiScopes.All,
                    ["response_types_supported"] = new[] { "token" },
                    ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.EcdsaSha256 },
                    ["token_endpoint_auth_signing_alg_values_supported"] = new[] { SecurityAlgorithms.EcdsaSha256 },
                });
            })
            .AllowAnonymousAccess().WithTags("OAuth").WithSummary("OAuth 2.0 authorization server metadata");

        routes.Root.MapGet("/.well-known/jwks.json", async (SigningKeyStore keys, CancellationToken ct) =>
            {
                var jwks = (await keys.GetValidationKeysAsync(ct)).Select(key =>
                {
                    var parameters = key.ECDsa.ExportParameters(includePrivateParameters: false);
                    return new Dictionary<string, string>
                    {
                        ["kty"] = "EC",
                        ["crv"] = "P-256",
                        ["use"] = "sig",
                        ["alg"] = SecurityAlgorithms.EcdsaSha256,
                        ["kid"] = key.KeyId,
                        ["x"] = Base64UrlEncoder.Encode(parameters.Q.X),
                        ["y"] = Base64UrlEncoder.Encode(parameters.Q.Y),
                    };
                });
                return TypedResults.Ok(new { keys = jwks });
            })
            .AllowAnonymousAccess().WithTags("OAuth").WithSummary("Public keys that sign access tokens");
    }
}
