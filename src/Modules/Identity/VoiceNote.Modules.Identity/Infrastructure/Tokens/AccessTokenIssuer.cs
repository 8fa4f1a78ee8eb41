using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VoiceNote.Infrastructure.Security;

namespace VoiceNote.Modules.Identity.Infrastructure.Tokens;

/// <summary>Signs short-lived JWT access tokens (ES256, with the key id in the header).</summary>
internal sealed class AccessTokenIssuer(SigningKeyStore keys, IOptions<AuthOptions> options, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <param name="client">For a partner token: the client id and its secret's version (see <see cref="ClientSecretVersion"/>).</param>
    public async Task<IssuedAccessToken> IssueAsync(Guid userId, Guid? sessionId, ClientBinding? client, IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var expires = now + settings.AccessTokenLifetime;
        var claims = new List<Claim>
        {
            new(VoiceNoteClaims.Subject, userId.ToString()),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new(VoiceNoteClaims.Scope, string.Join(' ', scopes)),
        };
        if (sessionId is { } sid)
        {
            claims.Add(new Claim(VoiceNoteClaims.SessionId, sid.ToString()));
        }

        if (client is not null)
        {
            claims.Add(new Claim(VoiceNoteClaims.ClientId, client.ClientId));
            claims.Add(new Claim(ClientSecretVersion.Claim, client.SecretVersion));
        }

        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(await keys.GetSigningKeyAsync(cancellationToken), SecurityAlgorithms.EcdsaSha256),
        });
        return new IssuedAccessToken(token, (int)settings.AccessTokenLifetime.TotalSeconds);
    }
}

internal sealed record IssuedAccessToken(string Token, int ExpiresInSeconds);

/// <summary>The partner client a token is issued to.</summary>
internal sealed record ClientBinding(string ClientId, string SecretVersion);
