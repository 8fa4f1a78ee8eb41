using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>
/// The authorization code flow with PKCE over real HTTP, as a browser and a client walk it: authorize,
/// the sign-in page, consent for a partner's app, the code on the redirect URI, the token request, API calls.
/// </summary>
public sealed class AuthorizationCodeFlowTests : DatabaseFixture
{
    private const string WebApp = "voicenote-web";
    private const string WebCallback = "http://localhost/app/callback";
    private const string PartnerCallback = "http://127.0.0.1/partner/callback";

    [Test]
    public async Task The_web_app_signs_a_person_in_with_code_and_pkce()
    {
        var person = await this.CreateAccountAsync("webflow");
        var pkce = Pkce.New();
        using var browser = Browser.Open(this);

        var toSignIn = (await browser.GetAsync(AuthorizeUrl(WebApp, WebCallback, "openid profile notes:read offline_access", pkce, state: "s-1", nonce: "n-1"))).Location();
        Assert.That(toSignIn.OriginalString, Does.StartWith("/connect/sign-in?returnUrl="));
        var signInPage = await browser.GetAsync(toSignIn.OriginalString);
        Assert.That(signInPage.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(signInPage.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"), "the page cannot be framed (clickjacking)");

        var back = (await browser.SubmitAsync(signInPage, ("login", person.Email), ("password", person.Password))).Location();
        Assert.That(back.OriginalString, Does.StartWith("/connect/authorize?"));
        // The product's own web app needs no consent page: the code comes at once.
        var callback = (await browser.GetAsync(back.OriginalString)).Location();
        Assert.That(callback.GetLeftPart(UriPartial.Path), Is.EqualTo(WebCallback));
        Assert.That(callback.QueryValue("state"), Is.EqualTo("s-1"));

        var tokens = await Ok(await RedeemAsync(WebApp, secret: null, callback.QueryValue("code")!, WebCallback, pkce.Verifier));
        Assert.That(tokens.GetProperty("token_type").GetString(), Is.EqualTo("Bearer"));
        Assert.That(tokens.GetProperty("refresh_token").GetString(), Is.Not.Empty, "offline_access was granted");

        var idToken = new JsonWebToken(tokens.GetProperty("id_token").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(idToken.Alg, Is.EqualTo("ES256"));
            Assert.That(idToken.Issuer, Is.EqualTo("http://localhost/"));
            Assert.That(idToken.Audiences, Is.EquivalentTo(new[] { WebApp }));
            Assert.That(idToken.Subject, Is.EqualTo(person.UserId.ToString()));
            Assert.That(idToken.GetClaim("nonce").Value, Is.EqualTo("n-1"));
        });

        using var api = ClientWithToken(tokens.GetProperty("access_token").GetString()!);
        Assert.That((await api.GetAsync("/api/v1/notes")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "notes:read was granted");
        Assert.That((await api.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "profile:read was not asked for");
        var userInfo = await api.GetFromJsonAsync<JsonElement>("/connect/userinfo");
        Assert.Multiple(() =>
        {
            Assert.That(userInfo.GetProperty("sub").GetString(), Is.EqualTo(person.UserId.ToString()));
            Assert.That(userInfo.GetProperty("preferred_username").GetString(), Is.EqualTo(person.Username));
            Assert.That(userInfo.TryGetProperty("email", out _), Is.False, "the email scope was not asked for");
        });
    }

    [Test]
    public async Task A_partner_app_acts_for_a_person_who_consents()
    {
        var app = await PartnerAppAsync("Meeting Minutes Pro", "profile:read", "notes:read");
        var person = await this.CreateAccountAsync("consenting");
        var pkce = Pkce.New();
        using var browser = Browser.Open(this);

        var authorize = AuthorizeUrl(app.ClientId, PartnerCallback, "openid profile:read notes:read", pkce, state: "p-1");
        using (var peek = Browser.Open(this))
        {
            var signInPage = await peek.GetAsync((await peek.GetAsync(authorize)).Location().OriginalString);
            Assert.That(await signInPage.Content.ReadAsStringAsync(), Does.Contain("to continue to Meeting Minutes Pro"), "the person sees which app asks");
        }

        var consent = await SignedInAsync(browser, person, authorize);
        Assert.That(consent.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await consent.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain("Meeting Minutes Pro").And.Contain("Read your notes").And.Contain("See your profile"));

        var callback = (await browser.SubmitAsync(consent, ("decision", "allow"))).Location();
        Assert.That(callback.GetLeftPart(UriPartial.Path), Is.EqualTo(PartnerCallback));
        Assert.That(callback.QueryValue("state"), Is.EqualTo("p-1"));

        var tokens = await Ok(await RedeemAsync(app.ClientId, app.Secret, callback.QueryValue("code")!, PartnerCallback, pkce.Verifier));
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        var claims = new JsonWebToken(accessToken);
        Assert.Multiple(() =>
        {
            Assert.That(claims.Typ, Is.EqualTo("at+jwt"));
            Assert.That(claims.GetClaim("client_id").Value, Is.EqualTo(app.ClientId));
            Assert.That(claims.Subject, Is.EqualTo(person.UserId.ToString()), "the app acts for the person who consented, not for its developer");
            Assert.That(tokens.TryGetProperty("refresh_token", out _), Is.False, "offline_access was not asked for");
        });

        using var api = ClientWithToken(accessToken);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.That(me.GetProperty("id").GetGuid(), Is.EqualTo(person.UserId));
        // A partner acting for a person is not the person: credential changes stay out of its reach.
        var escalation = await api.PostAsJsonAsync("/api/v1/oauth-clients", new { name = "Escalation", scopes = new[] { "notes:read" } });
        Assert.That(escalation.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_partner_app_gets_no_scope_beyond_its_registration()
    {
        var app = await PartnerAppAsync("Reader", "notes:read");
        using var browser = Browser.Open(this);

        // OpenIddict checks the request before any redirect address is trusted, so it answers on this server.
        var refused = await browser.GetAsync(AuthorizeUrl(app.ClientId, PartnerCallback, "notes:read notes:write", Pkce.New(), state: "x"));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Headers.Location, Is.Null);
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("invalid_scope"));
    }

    [Test]
    public async Task Denying_consent_sends_access_denied_back_to_the_app()
    {
        var app = await PartnerAppAsync("Nosy App", "notes:read");
        var person = await this.CreateAccountAsync("denying");
        using var browser = Browser.Open(this);

        var consent = await SignedInAsync(browser, person, AuthorizeUrl(app.ClientId, PartnerCallback, "notes:read", Pkce.New(), state: "d-1"));
        var callback = (await browser.SubmitAsync(consent, ("decision", "deny"))).Location();
        Assert.Multiple(() =>
        {
            Assert.That(callback.QueryValue("error"), Is.EqualTo("access_denied"));
            Assert.That(callback.QueryValue("state"), Is.EqualTo("d-1"));
            Assert.That(callback.QueryValue("code"), Is.Null);
        });
    }

    [Test]
    public async Task A_consent_posted_without_the_pages_antiforgery_token_is_asked_again()
    {
        var app = await PartnerAppAsync("Cross Site", "notes:read");
        var person = await this.CreateAccountAsync("csrf");
        var pkce = Pkce.New();
        using var browser = Browser.Open(this);
        var consent = await SignedInAsync(browser, person, AuthorizeUrl(app.ClientId, PartnerCallback, "notes:read", pkce, state: "c-1"));

        // Another site's form, sent with the person's cookies: the same fields but not the page's token.
        var forged = await browser.Http.PostAsync("/connect/authorize", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["response_type"] = "code", ["client_id"] = app.ClientId, ["redirect_uri"] = PartnerCallback, ["scope"] = "notes:read",
            ["state"] = "c-1", ["code_challenge"] = pkce.Challenge, ["code_challenge_method"] = "S256", ["decision"] = "allow",
        }));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.OK), "no code: the consent page is shown again");
        Assert.That(await forged.Content.ReadAsStringAsync(), Does.Contain("Cross Site"));
        Assert.That(consent.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_wrong_code_verifier_is_refused()
    {
        var person = await this.CreateAccountAsync("verifier");
        using var browser = Browser.Open(this);
        var code = await WebAppCodeAsync(browser, person, Pkce.New());

        var refused = await RedeemAsync(WebApp, null, code, WebCallback, Pkce.New().Verifier);
        await refused.AssertOAuthError(400, "invalid_grant");
    }

    [Test]
    public async Task A_code_used_twice_is_refused_and_the_tokens_of_its_first_use_are_revoked()
    {
        var person = await this.CreateAccountAsync("codereuse");
        var pkce = Pkce.New();
        using var browser = Browser.Open(this);
        var code = await WebAppCodeAsync(browser, person, pkce);

        var first = await Ok(await RedeemAsync(WebApp, null, code, WebCallback, pkce.Verifier));
        using var api = ClientWithToken(first.GetProperty("access_token").GetString()!);
        Assert.That((await api.GetAsync("/api/v1/notes")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await (await RedeemAsync(WebApp, null, code, WebCallback, pkce.Verifier)).AssertOAuthError(400, "invalid_grant");
        // RFC 6749 §4.1.2: a code used twice may have been stolen, so what it gave is withdrawn.
        Assert.That((await api.GetAsync("/api/v1/notes")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Prompt_none_without_a_signed_in_person_answers_login_required()
    {
        using var browser = Browser.Open(this);
        var callback = (await browser.GetAsync(AuthorizeUrl(WebApp, WebCallback, "notes:read", Pkce.New(), state: "n", extra: "&prompt=none"))).Location();
        Assert.That(callback.QueryValue("error"), Is.EqualTo("login_required"));
    }

    [Test]
    public async Task Prompt_login_asks_for_the_password_again_and_prompt_consent_shows_the_consent_page()
    {
        var person = await this.CreateAccountAsync("prompts");
        using var browser = Browser.Open(this);
        await WebAppCodeAsync(browser, person, Pkce.New());

        // Signed in already, and still sent to the sign-in page; afterwards the request goes on without the prompt.
        var again = (await browser.GetAsync(AuthorizeUrl(WebApp, WebCallback, "notes:read", Pkce.New(), state: "l", extra: "&prompt=login"))).Location();
        Assert.That(again.OriginalString, Does.StartWith("/connect/sign-in?returnUrl="));
        Assert.That(Uri.UnescapeDataString(again.OriginalString), Does.Not.Contain("prompt=login"));

        var back = (await browser.SubmitAsync(await browser.GetAsync(again.OriginalString), ("login", person.Email), ("password", person.Password))).Location();
        var consent = await browser.GetAsync(back.OriginalString + "&prompt=consent");
        Assert.That(consent.StatusCode, Is.EqualTo(HttpStatusCode.OK), "even the product's own app asks when prompt=consent");
        var callback = (await browser.SubmitAsync(consent, ("decision", "allow"))).Location();
        Assert.That(callback.QueryValue("code"), Is.Not.Null);
    }

    [Test]
    public async Task Requests_without_pkce_or_with_plain_pkce_or_an_unregistered_redirect_are_refused()
    {
        using var browser = Browser.Open(this);
        var noPkce = await browser.GetAsync($"/connect/authorize?response_type=code&client_id={WebApp}&redirect_uri={Uri.EscapeDataString(WebCallback)}&scope=notes:read&state=a");
        var plain = await browser.GetAsync($"/connect/authorize?response_type=code&client_id={WebApp}&redirect_uri={Uri.EscapeDataString(WebCallback)}&scope=notes:read&state=a&code_challenge={new string('a', 43)}&code_challenge_method=plain");
        // Never redirect to an address the client did not register: the error stays on this server.
        var elsewhere = await browser.GetAsync(AuthorizeUrl(WebApp, "https://attacker.example/cb", "notes:read", Pkce.New(), state: "a"));

        foreach (var (refused, why) in new[] { (noPkce, "without PKCE"), (plain, "with plain PKCE"), (elsewhere, "to an unregistered redirect URI") })
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), why);
            Assert.That(refused.Headers.Location, Is.Null, why);
            Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("error:invalid_request"), why);
        }
    }

    [Test]
    public async Task The_sign_in_page_refuses_wrong_passwords_and_forged_forms_and_returns_only_to_authorize()
    {
        var person = await this.CreateAccountAsync("signinpage");
        using var browser = Browser.Open(this);
        var page = await browser.GetAsync("/connect/sign-in?returnUrl=" + Uri.EscapeDataString("https://attacker.example/"));

        var wrong = await browser.SubmitAsync(page, ("login", person.Email), ("password", "Wrong-Horse-1"));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain("wrong"));

        var forged = await browser.Http.PostAsync("/connect/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = person.Email, ["password"] = person.Password }));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "no antiforgery token, no sign-in");
        Assert.That(forged.Headers.Location, Is.Null);

        var signedIn = (await browser.SubmitAsync(wrong, ("login", person.Email), ("password", person.Password))).Location();
        Assert.That(signedIn.OriginalString, Is.EqualTo("/connect/authorize"), "an outside return address is replaced: no open redirect");
    }

    private static string AuthorizeUrl(string clientId, string redirectUri, string scope, Pkce pkce, string state, string? nonce = null, string extra = "") =>
        "/connect/authorize" + QueryHelpers.AddQueryString("?", new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = state,
            ["nonce"] = nonce,
            ["code_challenge"] = pkce.Challenge,
            ["code_challenge_method"] = "S256",
        }.Where(p => p.Value is not null)).TrimStart('?').Insert(0, "?") + extra;

    /// <summary>A partner's app, registered by a developer's account, that sends people back to <see cref="PartnerCallback"/>.</summary>
    private async Task<PartnerClient> PartnerAppAsync(string name, params string[] scopes)
    {
        var developer = await this.CreateAccountAsync("developer");
        using var developerClient = this.ClientFor(developer);
        return await developerClient.RegisterAppAsync(name, [PartnerCallback], scopes);
    }

    /// <summary>Authorize, land on the sign-in page, sign in, come back: the answer after signing in.</summary>
    private static async Task<HttpResponseMessage> SignedInAsync(Browser browser, TestAccount person, string authorizeUrl)
    {
        var signInPage = await browser.GetAsync((await browser.GetAsync(authorizeUrl)).Location().OriginalString);
        var back = (await browser.SubmitAsync(signInPage, ("login", person.Email), ("password", person.Password))).Location();
        return await browser.GetAsync(back.OriginalString);
    }

    private static async Task<string> WebAppCodeAsync(Browser browser, TestAccount person, Pkce pkce)
    {
        var callback = (await SignedInAsync(browser, person, AuthorizeUrl(WebApp, WebCallback, "notes:read", pkce, state: "w"))).Location();
        return callback.QueryValue("code") ?? throw new AssertionException("no code in " + callback);
    }

    /// <summary>The token request for a code; a partner authenticates with HTTP Basic (client_secret_basic).</summary>
    private Task<HttpResponseMessage> RedeemAsync(string clientId, string? secret, string code, string redirectUri, string verifier)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri, ["code_verifier"] = verifier };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token");
        if (secret is null)
        {
            form["client_id"] = clientId;
        }
        else
        {
            var pair = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }

        request.Content = new FormUrlEncodedContent(form);
        return AnonymousClient.SendAsync(request);
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement;
    }
}
