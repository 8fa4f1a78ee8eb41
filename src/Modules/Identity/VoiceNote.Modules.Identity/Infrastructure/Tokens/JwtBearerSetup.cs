using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using VoiceNote.Infrastructure.Security;

namespace VoiceNote.Modules.Identity.Infrastructure.Tokens;

/// <summary>
/// Validates access tokens: ES256 only (so "alg: none" and HMAC tricks fail), our issuer and audience,
/// a lifetime with 30 s of skew, a known key id, then the live-session check.
/// </summary>
internal sealed class JwtBearerSetup(IOptions<AuthOptions> auth, SigningKeyStore keys) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options) => Configure(options);

    public void Configure(JwtBearerOptions options)
    {
        var settings = auth.Value;
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = VoiceNoteClaims.Subject,
            IssuerSigningKeyResolver = (_, _, keyId, _) => keys.ResolveValidationKeys(keyId),
        };
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = async context =>
            {
                var validator = context.HttpContext.RequestServices.GetRequiredService<AccessValidator>();
                var grant = await validator.ValidateAsync(context.Principal!, context.HttpContext.RequestAborted);
                if (grant is null)
                {
                    context.Fail("The session or client has ended, or the account is not active.");
                    return;
                }

                var identity = (ClaimsIdentity)context.Principal!.Identity!;
                foreach (var claim in identity.FindAll(VoiceNoteClaims.Permission).ToList())
                {
                    identity.RemoveClaim(claim);
                }

                identity.AddClaims(grant.Permissions.Select(p => new Claim(VoiceNoteClaims.Permission, p)));
                if (grant.ClientScopes is { } allowed)
                {
                    HoldToScopes(identity, allowed);
                }
            },
        };
    }

    /// <summary>A partner token keeps only the scopes its client still has (the owner may have narrowed them since).</summary>
    private static void HoldToScopes(ClaimsIdentity identity, IReadOnlyCollection<string> allowed)
    {
        var claims = identity.FindAll(VoiceNoteClaims.Scope).ToList();
        var kept = claims.SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(s => allowed.Contains(s, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            identity.RemoveClaim(claim);
        }

        identity.AddClaim(new Claim(VoiceNoteClaims.Scope, string.Join(' ', kept)));
    }
}
