using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Identity.Infrastructure.Tokens;

namespace VoiceNote.Modules.Identity.Application.OAuth.Discovery;

/// <summary>The authorization server metadata (RFC 8414) as seen by a client that reached us at <paramref name="Origin"/> ("https://host:port").</summary>
[AnonymousAllowed]
internal sealed record GetDiscoveryDocument(string Origin) : IQuery<Dictionary<string, object>>;

internal sealed class GetDiscoveryDocumentHandler(IOptions<AuthOptions> auth) : IQueryHandler<GetDiscoveryDocument, Dictionary<string, object>>
{
    public Task<Result<Dictionary<string, object>>> Handle(GetDiscoveryDocument request, CancellationToken cancellationToken) =>
        Task.FromResult<Result<Dictionary<string, object>>>(new Dictionary<string, object>
        {
            ["issuer"] = auth.Value.Issuer,
            ["token_endpoint"] = $"{request.Origin}/connect/token",
            ["jwks_uri"] = $"{request.Origin}/.well-known/jwks.json",
            ["grant_types_supported"] = new[] { "password", "refresh_token", "client_credentials" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post" },
            ["scopes_supported"] = ApiScopes.All,
            ["response_types_supported"] = new[] { "token" },
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.EcdsaSha256 },
            ["token_endpoint_auth_signing_alg_values_supported"] = new[] { SecurityAlgorithms.EcdsaSha256 },
        });
}
