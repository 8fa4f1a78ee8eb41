using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>
/// RFC 7009 revocation and RFC 7662 introspection over HTTP, and client authentication at the token
/// endpoint (RFC 6749 §2.3, §5.2) for the password grant.
/// </summary>
public sealed class RevocationAndIntrospectionTests : DatabaseFixture
{
    [Test]
    public async Task The_app_revokes_its_refresh_token_and_it_no_longer_refreshes()
    {
        var account = await this.CreateAccountAsync("revoke");
        var revoked = await AnonymousClient.PostAsync("/connect/revoke", Form(("client_id", "voicenote-app"), ("token", account.RefreshToken), ("token_type_hint", "refresh_token")));
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK), await revoked.Content.ReadAsStringAsync());

        var refresh = await AnonymousClient.PostAsync("/connect/token", Form(("grant_type", "refresh_token"), ("client_id", "voicenote-app"), ("refresh_token", account.RefreshToken)));
        await refresh.AssertOAuthError(400, "invalid_grant");
    }

    [Test]
    public async Task A_revoked_access_token_is_refused_at_the_next_request()
    {
        var account = await this.CreateAccountAsync("revokeaccess");
        using var api = this.ClientFor(account);
        Assert.That((await api.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var revoked = await AnonymousClient.PostAsync("/connect/revoke", Form(("client_id", "voicenote-app"), ("token", account.AccessToken)));
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await api.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Revoking_an_unknown_token_is_not_an_error()
    {
        // RFC 7009 §2.2: the answer does not tell whether the token existed.
        var revoked = await AnonymousClient.PostAsync("/connect/revoke", Form(("client_id", "voicenote-app"), ("token", "not-a-token")));
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_partner_introspects_its_token_live_and_then_revoked()
    {
        var account = await this.CreateAccountAsync("introspect");
        using var owner = this.ClientFor(account);
        var partner = await owner.RegisterClientAsync("Introspector", "notes:read", "profile:read");
        var token = await this.PartnerTokenAsync(partner, "notes:read");

        var live = await Introspect(partner, token);
        Assert.Multiple(() =>
        {
            Assert.That(live.GetProperty("active").GetBoolean(), Is.True);
            Assert.That(live.GetProperty("client_id").GetString(), Is.EqualTo(partner.ClientId));
            Assert.That(live.GetProperty("sub").GetString(), Is.EqualTo(account.UserId.ToString()));
            Assert.That(live.GetProperty("token_type").GetString(), Is.EqualTo("Bearer"));
            Assert.That(live.GetProperty("aud").GetString(), Is.EqualTo("voicenote-api"));
            Assert.That(live.GetProperty("iss").GetString(), Is.EqualTo("http://localhost/"));
            Assert.That(live.GetProperty("exp").GetInt64(), Is.GreaterThan(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        });

        using var revoke = new HttpRequestMessage(HttpMethod.Post, "/connect/revoke") { Content = Form(("token", token)) };
        revoke.Headers.Authorization = Basic(partner);
        Assert.That((await AnonymousClient.SendAsync(revoke)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var dead = await Introspect(partner, token);
        Assert.That(dead.GetProperty("active").GetBoolean(), Is.False);
        Assert.That(dead.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "active" }), "RFC 7662 §2.2: an inactive token tells nothing more");
    }

    [Test]
    public async Task Introspection_needs_an_authenticated_client()
    {
        var account = await this.CreateAccountAsync("introspectanon");
        var anonymous = await AnonymousClient.PostAsync("/connect/introspect", Form(("token", account.AccessToken)));
        Assert.That((int)anonymous.StatusCode, Is.EqualTo(400).Or.EqualTo(401));
        Assert.That((await anonymous.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), Is.EqualTo("invalid_client").Or.EqualTo("invalid_request"));

        // The product's public app cannot introspect: RFC 7662 §2.1 requires client authentication.
        var publicClient = await AnonymousClient.PostAsync("/connect/introspect", Form(("client_id", "voicenote-app"), ("token", account.AccessToken)));
        Assert.That((int)publicClient.StatusCode, Is.EqualTo(400).Or.EqualTo(401));
        Assert.That((await publicClient.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("active", out _), Is.False);
    }

    [TestCase("wrong secret", TestName = "The password grant with a wrong client secret is invalid_client")]
    [TestCase("unknown client", TestName = "The password grant from an unknown client is invalid_client")]
    [TestCase("secret for a public client", TestName = "The password grant with a secret for the public app is invalid_client")]
    public async Task Password_grant_client_authentication(string failure)
    {
        var account = await this.CreateAccountAsync("clientauth");
        using var owner = this.ClientFor(account);
        var partner = await owner.RegisterClientAsync("Password grabber", "notes:read");
        var (clientId, secret) = failure switch
        {
            "wrong secret" => (partner.ClientId, partner.Secret + "x"),
            "unknown client" => ("vnc_" + new string('0', 32), "whatever"),
            _ => ("voicenote-app", "a-secret"),
        };

        var response = await AnonymousClient.PostAsync("/connect/token", Form(("grant_type", "password"), ("client_id", clientId), ("client_secret", secret),
            ("username", account.Email), ("password", account.Password)));
        await response.AssertOAuthError(401, "invalid_client");
    }

    [Test]
    public async Task Wrong_media_types_at_revocation_and_introspection_are_oauth_errors()
    {
        foreach (var path in new[] { "/connect/revoke", "/connect/introspect" })
        {
            var response = await AnonymousClient.PostAsJsonAsync(path, new { token = "x" });
            Assert.That((int)response.StatusCode, Is.EqualTo(400), path);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), path);
            Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), Is.EqualTo("invalid_request"), path);
        }
    }

    private async Task<JsonElement> Introspect(PartnerClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/introspect") { Content = Form(("token", token)) };
        request.Headers.Authorization = Basic(client);
        var response = await AnonymousClient.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static AuthenticationHeaderValue Basic(PartnerClient client) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(client.ClientId)}:{Uri.EscapeDataString(client.Secret)}")));

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
