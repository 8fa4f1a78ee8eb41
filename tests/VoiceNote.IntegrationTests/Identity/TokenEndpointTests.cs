using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>POST /connect/token as a standard OAuth client uses it: the grants, their errors (RFC 6749 §5.2), discovery and JWKS.</summary>
public sealed class TokenEndpointTests : DatabaseFixture
{
    [Test]
    public async Task The_password_grant_issues_a_bearer_token_and_a_refresh_token()
    {
        var account = await this.CreateAccountAsync("grant");
        var response = await Token(("grant_type", "password"), ("username", account.Email), ("password", account.Password));

        var body = await Ok(response);
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("token_type").GetString(), Is.EqualTo("Bearer"));
            // RFC 6749 §5.1: the seconds left when the answer is written (OpenIddict rounds down), of a 15-minute token.
            Assert.That(body.GetProperty("expires_in").GetInt32(), Is.InRange(890, 900));
            // RFC 6749 §1.5: refresh tokens are opaque to the client (no product prefix any more).
            Assert.That(body.GetProperty("refresh_token").GetString(), Is.Not.Empty);
            Assert.That(body.GetProperty("scope").GetString(), Does.Contain("notes:read"));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        });

        using var client = ClientWithToken(body.GetProperty("access_token").GetString()!);
        Assert.That((await client.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_password_grant_can_narrow_the_scope()
    {
        var account = await this.CreateAccountAsync("narrow");
        var body = await Ok(await Token(("grant_type", "password"), ("username", account.Username), ("password", account.Password), ("scope", "notes:read")));
        // RFC 6749 §3.3/§5.1: the granted scope is returned when it differs from the request; the app's
        // session always includes offline_access (OIDC Core §11), which is what its refresh token rests on.
        Assert.That(body.GetProperty("scope").GetString()!.Split(' '), Is.EquivalentTo(new[] { "notes:read", "offline_access" }));

        using var client = ClientWithToken(body.GetProperty("access_token").GetString()!);
        var me = await client.GetAsync("/api/v1/me");
        await me.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [TestCase("password", "Wrong-Horse-1", "invalid_grant", 400, TestName = "A wrong password is invalid_grant")]
    [TestCase("nobody", "Wrong-Horse-1", "invalid_grant", 400, TestName = "An unknown user is invalid_grant, the same answer")]
    public async Task Password_grant_failures(string who, string password, string error, int status)
    {
        var account = await this.CreateAccountAsync("failing");
        var username = who == "nobody" ? "nobody_" + account.Username : account.Username;
        var response = await Token(("grant_type", "password"), ("username", username), ("password", password));
        await AssertOAuthError(response, status, error);
    }

    [Test]
    public async Task Malformed_token_requests_get_rfc_6749_errors()
    {
        await AssertOAuthError(await Token(("username", "x"), ("password", "y")), 400, "invalid_request");
        await AssertOAuthError(await Token(("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", "x")), 400, "unsupported_grant_type");
        // The code grant exists now (issue 10); a made-up code is an invalid grant (RFC 6749 §5.2).
        await AssertOAuthError(await Token(("grant_type", "authorization_code"), ("code", "x"), ("code_verifier", new string('v', 43)), ("redirect_uri", "http://localhost/cb")), 400, "invalid_grant");
        await AssertOAuthError(await Token(("grant_type", "password"), ("username", "x")), 400, "invalid_request");
        await AssertOAuthError(await Token(("grant_type", "refresh_token")), 400, "invalid_request");
        await AssertOAuthError(await Token(("grant_type", "refresh_token"), ("refresh_token", "vnr_made_up")), 400, "invalid_grant");
        await AssertOAuthError(await Token(("grant_type", "client_credentials")), 401, "invalid_client");
        await AssertOAuthError(await Token(("grant_type", "client_credentials"), ("client_id", "vnc_nope"), ("client_secret", "nope")), 401, "invalid_client");
        await AssertOAuthError(await Token(("grant_type", "password"), ("username", "x"), ("password", "y"), ("scope", "everything:please")), 400, "invalid_scope");

        // RFC 6749 §3.2 requires form encoding; anything else is an RFC 6749 error too, not a problem document (issue 10).
        var json = await AnonymousClient.PostAsJsonAsync("/connect/token", new { grant_type = "password" });
        await AssertOAuthError(json, 400, "invalid_request");
    }

    [Test]
    public async Task A_refresh_rotates_the_token_and_reuse_of_an_old_one_revokes_the_session()
    {
        var account = await this.CreateAccountAsync("rotation");
        var first = await Ok(await Token(("grant_type", "refresh_token"), ("refresh_token", account.RefreshToken)));
        var rotated = first.GetProperty("refresh_token").GetString()!;
        Assert.That(rotated, Is.Not.EqualTo(account.RefreshToken));

        var second = await Ok(await Token(("grant_type", "refresh_token"), ("refresh_token", rotated)));
        var newest = second.GetProperty("refresh_token").GetString()!;
        using var live = ClientWithToken(second.GetProperty("access_token").GetString()!);
        Assert.That((await live.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // A thief replays the first, already rotated token: the whole session ends.
        await AssertOAuthError(await Token(("grant_type", "refresh_token"), ("refresh_token", account.RefreshToken)), 400, "invalid_grant");
        Assert.That((await live.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the session's access tokens stop at once");
        await AssertOAuthError(await Token(("grant_type", "refresh_token"), ("refresh_token", newest)), 400, "invalid_grant");
        var reason = await ScalarAsync<string>($"SELECT revoked_reason FROM identity.sessions WHERE id = '{account.SessionId}'");
        Assert.That(reason, Is.EqualTo("refresh_token_reuse"));
    }

    [Test]
    public async Task Concurrent_refreshes_with_one_token_let_at_most_one_win_and_the_reuse_ends_the_winner_too()
    {
        var account = await this.CreateAccountAsync("race");
        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Token(("grant_type", "refresh_token"), ("refresh_token", account.RefreshToken))));
        Assert.That(attempts.Count(r => r.StatusCode == HttpStatusCode.OK), Is.LessThanOrEqualTo(1));
        Assert.That(attempts.All(r => r.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest), Is.True);

        // Two uses of one refresh token: one of them is a thief, and nobody can tell which, so the
        // session ends for both — including tokens the winner was issued while the loser was refused.
        var reason = await ScalarAsync<string>($"SELECT revoked_reason FROM identity.sessions WHERE id = '{account.SessionId}'");
        Assert.That(reason, Is.EqualTo("refresh_token_reuse"));
        foreach (var winner in attempts.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            var tokens = await Ok(winner);
            using var api = ClientWithToken(tokens.GetProperty("access_token").GetString()!);
            Assert.That((await api.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            await AssertOAuthError(await Token(("grant_type", "refresh_token"), ("refresh_token", tokens.GetProperty("refresh_token").GetString()!)), 400, "invalid_grant");
        }
    }

    [Test]
    public async Task Discovery_and_jwks_describe_the_token_service()
    {
        var discovery = await AnonymousClient.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.Multiple(() =>
        {
            // RFC 8414 §2 / OIDC Discovery §3: the issuer is the server's base URL (Identity:Issuer), no longer a name.
            Assert.That(discovery.GetProperty("issuer").GetString(), Is.EqualTo("http://localhost/"));
            Assert.That(discovery.GetProperty("token_endpoint").GetString(), Is.EqualTo("http://localhost/connect/token"));
            Assert.That(discovery.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()),
                Is.EquivalentTo(new[] { "authorization_code", "password", "refresh_token", "client_credentials" }));
        });

        var jwks = await AnonymousClient.GetFromJsonAsync<JsonElement>(new Uri(discovery.GetProperty("jwks_uri").GetString()!).PathAndQuery);
        var key = jwks.GetProperty("keys")[0];
        Assert.Multiple(() =>
        {
            Assert.That(key.GetProperty("kty").GetString(), Is.EqualTo("EC"));
            Assert.That(key.GetProperty("alg").GetString(), Is.EqualTo("ES256"));
            Assert.That(key.TryGetProperty("d", out _), Is.False, "never the private part");
        });
    }

    /// <summary>A token request from the product's app (a public client names itself, RFC 6749 §3.2.1), unless the test names another client.</summary>
    private Task<HttpResponseMessage> Token(params (string Key, string Value)[] fields)
    {
        var named = fields.Any(f => f.Key == "client_id") || fields.Any(f => f is ("grant_type", "client_credentials"));
        var all = named ? fields : [.. fields, ("client_id", "voicenote-app")];
        return AnonymousClient.PostAsync("/connect/token", new FormUrlEncodedContent(all.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))));
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task AssertOAuthError(HttpResponseMessage response, int status, string error)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(status), text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("error").GetString(), Is.EqualTo(error), text);
            Assert.That(body.GetProperty("error_description").GetString(), Is.Not.Empty);
        });
    }
}
