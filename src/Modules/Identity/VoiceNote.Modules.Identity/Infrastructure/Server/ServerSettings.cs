using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using VoiceNote.Modules.Identity.Infrastructure.Tokens;

namespace VoiceNote.Modules.Identity.Infrastructure.Server;

/// <summary>
/// What OpenIddict reads from the product's own settings: the issuer, token lifetimes and the persisted
/// keys. Runs each time the options are rebuilt, which <see cref="SigningKeyStore"/> triggers after a rotation.
/// </summary>
internal sealed class ServerSettings(
    SigningKeyStore keys, IOptions<AuthOptions> auth, IOptions<AuthorizationServerOptions> server) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        options.Issuer = server.Value.Issuer;
        options.AccessTokenLifetime = auth.Value.AccessTokenLifetime;
        options.RefreshTokenLifetime = auth.Value.RefreshTokenLifetime;
        options.AuthorizationCodeLifetime = TimeSpan.FromMinutes(2);
        options.IdentityTokenLifetime = auth.Value.AccessTokenLifetime;

        // Options are built synchronously; this runs once per rebuild, not per request.
        var set = keys.GetKeySetAsync(CancellationToken.None).GetAwaiter().GetResult();
        options.SigningCredentials.Clear();
        options.SigningCredentials.Add(new SigningCredentials(set.Signing, SecurityAlgorithms.EcdsaSha256));
        options.SigningCredentials.AddRange(set.Validation.Where(k => k.KeyId != set.Signing.KeyId)
            .Select(k => new SigningCredentials(k, SecurityAlgorithms.EcdsaSha256)));
        options.EncryptionCredentials.Clear();
        options.EncryptionCredentials.AddRange(set.Encryption.Select(k =>
            new EncryptingCredentials(k, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512)));
    }
}
