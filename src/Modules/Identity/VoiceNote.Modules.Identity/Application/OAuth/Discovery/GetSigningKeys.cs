using Microsoft.IdentityModel.Tokens;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Identity.Infrastructure.Tokens;

namespace VoiceNote.Modules.Identity.Application.OAuth.Discovery;

/// <summary>The public keys that validate our access tokens, as a JWK set (RFC 7517): the current key and any still accepted.</summary>
[AnonymousAllowed]
internal sealed record GetSigningKeys : IQuery<JsonWebKeySet>;

/// <summary>Serialises as <c>{"keys": [...]}</c>.</summary>
internal sealed record JsonWebKeySet(IReadOnlyList<Dictionary<string, string>> Keys);

internal sealed class GetSigningKeysHandler(SigningKeyStore keys) : IQueryHandler<GetSigningKeys, JsonWebKeySet>
{
    public async Task<Result<JsonWebKeySet>> Handle(GetSigningKeys request, CancellationToken cancellationToken) =>
        new JsonWebKeySet((await keys.GetValidationKeysAsync(cancellationToken)).Select(ToJwk).ToList());

    private static Dictionary<string, string> ToJwk(ECDsaSecurityKey key)
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
    }
}
