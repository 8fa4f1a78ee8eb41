using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.Identity.Infrastructure.Tokens;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>Forged, altered or stale tokens are refused: only ES256 tokens we signed, for us, still alive, get in.</summary>
public sealed class AccessTokenValidationTests : DatabaseFixture
{
    /// <summary>The test host's Identity:Issuer.</summary>
    private const string Issuer = "http://localhost/";

    private TestAccount _account = null!;

    [OneTimeSetUp]
    public async Task CreateAccount() => _account = await this.CreateAccountAsync("jwt");

    [Test]
    public async Task The_genuine_token_is_accepted() =>
        Assert.That(await StatusWith(_account.AccessToken), Is.EqualTo(HttpStatusCode.OK));

    [Test]
    public async Task A_token_with_an_altered_payload_is_refused()
    {
        var parts = _account.AccessToken.Split('.');
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(parts[1])).RootElement;
        var altered = payload.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.ToString());
        altered["scope"] = "notes:read notes:write profile:read profile:write everything";
        var forged = $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(altered))}.{parts[2]}";
        Assert.That(await StatusWith(forged), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_token_signed_by_another_key_is_refused()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var kid = JsonDocument.Parse(Base64UrlEncoder.Decode(_account.AccessToken.Split('.')[0])).RootElement.GetProperty("kid").GetString();
        var token = Sign(new ECDsaSecurityKey(other) { KeyId = kid }, Issuer, "voicenote-api", DateTime.UtcNow.AddMinutes(10));
        Assert.That(await StatusWith(token), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task An_unsigned_alg_none_token_is_refused()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["sub"] = _account.UserId.ToString(),
            ["sid"] = _account.SessionId.ToString(),
            ["scope"] = "profile:read",
            ["iss"] = Issuer,
            ["aud"] = "voicenote-api",
            ["exp"] = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds(),
        }));
        Assert.Multiple(async () =>
        {
            Assert.That(await StatusWith($"{header}.{payload}."), Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await StatusWith($"{header}.{payload}"), Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task An_hmac_token_keyed_with_the_public_key_is_refused()
    {
        var jwks = await AnonymousClient.GetStringAsync("/.well-known/jwks.json");
        var token = Sign(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwks.PadRight(64))), Issuer, "voicenote-api", DateTime.UtcNow.AddMinutes(10), SecurityAlgorithms.HmacSha256);
        Assert.That(await StatusWith(token), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("someone-else", "voicenote-api", TestName = "A token from another issuer is refused")]
    [TestCase(Issuer, "another-api", TestName = "A token for another audience is refused")]
    public async Task Tokens_for_other_parties_are_refused(string issuer, string audience)
    {
        var token = Sign(await RealKey(), issuer, audience, DateTime.UtcNow.AddMinutes(10));
        Assert.That(await StatusWith(token), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task An_expired_token_is_refused_but_the_same_token_in_time_is_accepted()
    {
        var key = await RealKey();
        Assert.Multiple(async () =>
        {
            Assert.That(await StatusWith(Sign(key, Issuer, "voicenote-api", DateTime.UtcNow.AddMinutes(-2))), Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await StatusWith(Sign(key, Issuer, "voicenote-api", DateTime.UtcNow.AddMinutes(2))), Is.EqualTo(HttpStatusCode.OK), "the control: our key and claims do get in");
        });
    }

    [Test]
    public async Task A_token_for_a_session_that_does_not_exist_is_refused()
    {
        var token = Sign(await RealKey(), Issuer, "voicenote-api", DateTime.UtcNow.AddMinutes(5), sessionId: Guid.NewGuid());
        Assert.That(await StatusWith(token), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private async Task<SecurityKey> RealKey() => await Api.Services.GetRequiredService<SigningKeyStore>().GetSigningKeyAsync(CancellationToken.None);

    /// <summary>
    /// A token with the genuine token's claims (its token entry id, client_id, sid, scope) but our own
    /// issuer, audience, lifetime, key and algorithm: only a token exactly like ours gets in.
    /// </summary>
    private string Sign(SecurityKey key, string issuer, string audience, DateTime expires, string algorithm = SecurityAlgorithms.EcdsaSha256, Guid? sessionId = null)
    {
        var issuedAt = expires.AddMinutes(-15);
        var genuine = new JsonWebToken(_account.AccessToken);
        var claims = genuine.Claims.Where(c => c.Type is not ("iss" or "aud" or "exp" or "iat" or "nbf" or "sid")).ToList();
        claims.Add(new Claim("sid", (sessionId ?? _account.SessionId).ToString()));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            TokenType = "at+jwt",
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    private async Task<HttpStatusCode> StatusWith(string token)
    {
        using var client = ClientWithToken(token);
        return (await client.GetAsync("/api/v1/me")).StatusCode;
    }
}
