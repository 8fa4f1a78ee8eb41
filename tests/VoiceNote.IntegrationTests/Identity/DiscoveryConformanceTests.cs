using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.Application.Security;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>
/// The discovery document checked against RFC 8414 §2 and OpenID Connect Discovery §3, and then taken
/// at its word: every endpoint it lists answers, every grant, authentication method and algorithm it
/// advertises is used here for real.
/// </summary>
public sealed class DiscoveryConformanceTests : DatabaseFixture
{
    /// <summary>The test host's Identity:Issuer (its public base URL).</summary>
    private const string Issuer = "http://localhost/";

    private JsonElement _document;

    [OneTimeSetUp]
    public async Task ReadDocument() => _document = await AnonymousClient.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

    [Test]
    public async Task Both_well_known_paths_serve_the_same_document()
    {
        var oauth = await AnonymousClient.GetStringAsync("/.well-known/oauth-authorization-server");
        Assert.That(JsonDocument.Parse(oauth).RootElement.ToString(), Is.EqualTo(_document.ToString()));
    }

    [Test]
    public void The_required_fields_are_there_and_every_endpoint_is_under_the_issuer()
    {
        string[] required = ["issuer", "authorization_endpoint", "token_endpoint", "jwks_uri", "response_types_supported",
            "subject_types_supported", "id_token_signing_alg_values_supported"];
        Assert.That(required.Where(f => !_document.TryGetProperty(f, out _)), Is.Empty, "RFC 8414 §2 and OIDC Discovery §3 required metadata");
        Assert.That(_document.GetProperty("issuer").GetString(), Is.EqualTo(Issuer), "the issuer is the configured base URL (RFC 8414 §3.3)");

        var endpoints = _document.EnumerateObject().Where(p => p.Name.EndsWith("_endpoint", StringComparison.Ordinal) || p.Name == "jwks_uri").ToList();
        Assert.That(endpoints.Select(p => p.Name), Is.SupersetOf(new[] { "authorization_endpoint", "token_endpoint", "revocation_endpoint", "introspection_endpoint", "userinfo_endpoint", "jwks_uri" }));
        Assert.That(endpoints.Where(p => !p.Value.GetString()!.StartsWith(Issuer, StringComparison.Ordinal)).Select(p => p.Name), Is.Empty);
    }

    [Test]
    public void Only_what_is_implemented_is_advertised()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Strings("response_types_supported"), Is.EqualTo(new[] { "code" }));
            Assert.That(Strings("response_modes_supported"), Is.EqualTo(new[] { "query" }));
            Assert.That(Strings("code_challenge_methods_supported"), Is.EqualTo(new[] { "S256" }));
            Assert.That(Strings("grant_types_supported"), Is.EquivalentTo(new[] { "authorization_code", "password", "refresh_token", "client_credentials" }));
            Assert.That(Strings("subject_types_supported"), Is.EqualTo(new[] { "public" }));
            Assert.That(Strings("prompt_values_supported"), Is.EquivalentTo(new[] { "login", "none", "consent" }), "each is tested in AuthorizationCodeFlowTests");
            Assert.That(Strings("claims_supported"), Is.SupersetOf(new[] { "sub", "name", "preferred_username", "email" }));
            Assert.That(Strings("id_token_signing_alg_values_supported"), Is.EqualTo(new[] { "ES256" }));
            foreach (var methods in new[] { "token_endpoint_auth_methods_supported", "revocation_endpoint_auth_methods_supported", "introspection_endpoint_auth_methods_supported" })
            {
                Assert.That(Strings(methods), Is.Not.Empty.And.SubsetOf(new[] { "client_secret_basic", "client_secret_post", "none" }), methods);
            }

            Assert.That(Strings("scopes_supported"), Is.SupersetOf(ApiScopes.All.Append("openid").Append("offline_access")));
        });
    }

    [Test]
    public async Task Every_advertised_endpoint_answers_as_its_standard_says()
    {
        var jwks = await AnonymousClient.GetAsync(Path("jwks_uri"));
        Assert.That(jwks.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var keys = (await jwks.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("keys").EnumerateArray().ToList();
        Assert.That(keys.Where(k => k.GetProperty("use").GetString() == "sig").Select(k => k.GetProperty("alg").GetString()), Has.Some.EqualTo("ES256"));

        // No client, no token: each refuses in its own standard's way, and none is missing (404) or failing (500).
        var token = await AnonymousClient.PostAsync(Path("token_endpoint"), Form(("grant_type", "client_credentials")));
        Assert.That((int)token.StatusCode, Is.EqualTo(401), "RFC 6749 §5.2 invalid_client");
        var revoke = await AnonymousClient.PostAsync(Path("revocation_endpoint"), Form(("token", "x")));
        var introspect = await AnonymousClient.PostAsync(Path("introspection_endpoint"), Form(("token", "x")));
        Assert.That((int)revoke.StatusCode, Is.EqualTo(400).Or.EqualTo(401), await revoke.Content.ReadAsStringAsync());
        Assert.That((int)introspect.StatusCode, Is.EqualTo(400).Or.EqualTo(401), await introspect.Content.ReadAsStringAsync());
        var userInfo = await AnonymousClient.GetAsync(Path("userinfo_endpoint"));
        Assert.That(userInfo.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "RFC 6750 §3: no token, 401");
        Assert.That(userInfo.Headers.WwwAuthenticate.Select(h => h.Scheme), Has.Member("Bearer"));
        var authorize = await AnonymousClient.GetAsync(Path("authorization_endpoint"));
        Assert.That(authorize.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "no client named: an error page, no redirect");
    }

    [Test]
    public async Task Every_advertised_grant_and_client_authentication_method_issues_tokens()
    {
        var account = await this.CreateAccountAsync("discovery");
        using var owner = this.ClientFor(account);
        var partner = await owner.RegisterClientAsync("Discovery check", "notes:read");
        var issued = new Dictionary<string, HttpStatusCode>();

        var password = await AnonymousClient.PostAsync(Path("token_endpoint"), Form(("grant_type", "password"), ("client_id", "voicenote-app"), ("username", account.Email), ("password", account.Password)));
        issued["password"] = password.StatusCode;
        var refreshToken = (await password.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString()!;
        issued["refresh_token"] = (await AnonymousClient.PostAsync(Path("token_endpoint"), Form(("grant_type", "refresh_token"), ("client_id", "voicenote-app"), ("refresh_token", refreshToken)))).StatusCode;
        issued["authorization_code"] = await AuthorizationCodeGrantAsync(account);
        issued["client_credentials"] = (await this.RequestTokenAsync(partner.ClientId, partner.Secret)).StatusCode;

        foreach (var method in Strings("token_endpoint_auth_methods_supported").Where(m => m != "none"))
        {
            issued["client_credentials with " + method] = (await this.RequestTokenAsync(partner.ClientId, partner.Secret, basic: method == "client_secret_basic")).StatusCode;
        }

        var advertised = Strings("grant_types_supported");
        Assert.That(advertised.Where(g => !issued.ContainsKey(g)), Is.Empty, "a grant is advertised that this test does not try");
        Assert.That(issued.Where(i => i.Value != HttpStatusCode.OK).Select(i => $"{i.Key}: {(int)i.Value}"), Is.Empty);
    }

    /// <summary>The authorization code grant as the web app uses it (AuthorizationCodeFlowTests covers it step by step).</summary>
    private async Task<HttpStatusCode> AuthorizationCodeGrantAsync(TestAccount account)
    {
        using var browser = Browser.Open(this);
        var pkce = Pkce.New();
        var authorize = new Uri(Path("authorization_endpoint") + $"?response_type=code&client_id=voicenote-web&redirect_uri={Uri.EscapeDataString("http://localhost/app/callback")}&scope=openid&state=d&code_challenge={pkce.Challenge}&code_challenge_method=S256", UriKind.Relative);
        var signIn = await browser.GetAsync((await browser.GetAsync(authorize.OriginalString)).Location().OriginalString);
        var back = (await browser.SubmitAsync(signIn, ("login", account.Email), ("password", account.Password))).Location();
        var code = (await browser.GetAsync(back.OriginalString)).Location().QueryValue("code")!;
        var token = await AnonymousClient.PostAsync(Path("token_endpoint"), Form(("grant_type", "authorization_code"), ("client_id", "voicenote-web"), ("code", code),
            ("redirect_uri", "http://localhost/app/callback"), ("code_verifier", pkce.Verifier)));
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.TryGetProperty("id_token", out _), Is.True, "openid was asked for: an ID token signed with the advertised algorithm");
        return token.StatusCode;
    }

    private string[] Strings(string field) => _document.GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    /// <summary>An advertised endpoint's path: the document's URLs are under the public issuer, the test calls its own socket.</summary>
    private string Path(string field) => new Uri(_document.GetProperty(field).GetString()!).PathAndQuery;

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
