using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.Identity.Application.ApiKeys.ListApiKeys;
using VoiceNote.Modules.Identity.Application.ApiKeys.SetApiKey;
using VoiceNote.Modules.Identity.Application.OAuth.Clients.ListClients;
using VoiceNote.Modules.Identity.Application.OAuth.Clients.RegisterClient;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>Partner clients over HTTP: managed by their owner, used through the real /connect/token endpoint.</summary>
public sealed class OAuthClientTests : DatabaseFixture
{
    [Test]
    public async Task A_client_is_registered_with_its_secret_shown_once_and_listed_without_it()
    {
        var account = await this.CreateAccountAsync("clientowner");
        using var owner = this.ClientFor(account);

        var created = await owner.PostAsJsonAsync("/api/v1/oauth-clients", new { name = "  Calendar sync  ", scopes = new[] { ApiScopes.NotesRead, ApiScopes.ProfileRead, ApiScopes.NotesRead } });
        var body = await created.Content.ReadAsStringAsync();
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        var json = JsonDocument.Parse(body).RootElement;
        var id = json.GetProperty("id").GetGuid();
        var secret = json.GetProperty("clientSecret").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(created.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/oauth-clients/{id}"));
            Assert.That(created.Headers.CacheControl?.NoStore, Is.True, "an answer with a secret must not be cached");
            Assert.That(json.GetProperty("clientId").GetString(), Does.StartWith("vnc_"));
            Assert.That(secret, Has.Length.GreaterThanOrEqualTo(40));
            Assert.That(json.GetProperty("name").GetString(), Is.EqualTo("Calendar sync"));
            Assert.That(json.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { ApiScopes.ProfileRead, ApiScopes.NotesRead }));
            Assert.That(json.GetProperty("enabled").GetBoolean(), Is.True);
            Assert.That(json.TryGetProperty("createdAt", out _), Is.True);
        });

        var list = await owner.GetAsync("/api/v1/oauth-clients");
        var listed = await list.Content.ReadAsStringAsync();
        var one = await owner.GetAsync($"/api/v1/oauth-clients/{id}");
        var single = await one.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(JsonDocument.Parse(listed).RootElement.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()), Is.EqualTo(new[] { id }));
            Assert.That(one.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(JsonDocument.Parse(single).RootElement.GetProperty("clientId").GetString(), Is.EqualTo(json.GetProperty("clientId").GetString()));
            foreach (var text in new[] { listed, single })
            {
                Assert.That(text, Does.Not.Contain(secret));
                Assert.That(text, Does.Not.Contain("clientSecret").And.Not.Contain("secretHash").IgnoreCase);
            }
        });

        var stored = await ScalarAsync<string>($"SELECT secret_hash FROM identity.oauth_clients WHERE id = '{id}'");
        Assert.That(stored, Is.Not.EqualTo(secret).And.Length.EqualTo(64), "only a SHA-256 of the secret is stored");
    }

    [Test]
    public async Task A_partner_token_acts_for_the_owner_within_the_clients_scopes([Values] bool basic)
    {
        var account = await this.CreateAccountAsync("partnerowner");
        using var owner = this.ClientFor(account);
        var client = await owner.RegisterClientAsync("Reader", ApiScopes.ProfileRead, ApiScopes.NotesRead);

        var response = await this.RequestTokenAsync(client.ClientId, client.Secret, basic: basic);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var token = JsonDocument.Parse(body).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(token.GetProperty("token_type").GetString(), Is.EqualTo("Bearer"));
            Assert.That(token.GetProperty("scope").GetString()!.Split(' '), Is.EquivalentTo(new[] { ApiScopes.ProfileRead, ApiScopes.NotesRead }));
            Assert.That(token.TryGetProperty("refresh_token", out _), Is.False, "client credentials get no refresh token");
        });

        using var partner = ClientWithToken(token.GetProperty("access_token").GetString()!);
        var me = await partner.GetAsync("/api/v1/me");
        var meBody = await me.Content.ReadAsStringAsync();
        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK), meBody);
        Assert.That(JsonDocument.Parse(meBody).RootElement.GetProperty("id").GetGuid(), Is.EqualTo(account.UserId));

        var profile = await partner.GetAsync("/api/v1/me/profile");
        Assert.That(profile.StatusCode, Is.EqualTo(HttpStatusCode.OK), "profile:read reads the owner's profile");
        var write = await partner.PatchAsJsonAsync("/api/v1/me", new { displayName = "Partner was here" });
        await write.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");

        // A narrower token on request.
        var narrow = await this.PartnerTokenAsync(client, scope: ApiScopes.NotesRead, basic: basic);
        using var narrowClient = ClientWithToken(narrow);
        await (await narrowClient.GetAsync("/api/v1/me")).AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Test]
    public async Task The_token_endpoint_refuses_bad_clients_and_scopes()
    {
        var account = await this.CreateAccountAsync("refusals");
        using var owner = this.ClientFor(account);
        var client = await owner.RegisterClientAsync("Limited", ApiScopes.NotesRead);

        await (await this.RequestTokenAsync(client.ClientId, client.Secret, scope: ApiScopes.ProfileRead)).AssertOAuthError(400, "invalid_scope");
        await (await this.RequestTokenAsync(client.ClientId, client.Secret, scope: $"{ApiScopes.NotesRead} {ApiScopes.NotesWrite}")).AssertOAuthError(400, "invalid_scope");
        await (await this.RequestTokenAsync(client.ClientId, client.Secret + "x")).AssertOAuthError(401, "invalid_client");
        await (await this.RequestTokenAsync(client.ClientId, client.Secret + "x", basic: true)).AssertOAuthError(401, "invalid_client");
        await (await this.RequestTokenAsync("vnc_" + Guid.NewGuid().ToString("N"), client.Secret)).AssertOAuthError(401, "invalid_client");

        var disabled = await owner.PatchAsJsonAsync($"/api/v1/oauth-clients/{client.Id}", new { enabled = false });
        Assert.That(disabled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await (await this.RequestTokenAsync(client.ClientId, client.Secret)).AssertOAuthError(401, "invalid_client");
        await (await this.RequestTokenAsync(client.ClientId, client.Secret, basic: true)).AssertOAuthError(401, "invalid_client");
    }

    [Test]
    public async Task Disabling_or_deleting_a_client_refuses_its_issued_tokens_at_once()
    {
        var account = await this.CreateAccountAsync("cutoff");
        using var owner = this.ClientFor(account);
        var paused = await owner.RegisterClientAsync("Paused", ApiScopes.ProfileRead);
        var removed = await owner.RegisterClientAsync("Removed", ApiScopes.ProfileRead);
        using var pausedPartner = ClientWithToken(await this.PartnerTokenAsync(paused));
        using var removedPartner = ClientWithToken(await this.PartnerTokenAsync(removed));
        Assert.That((await pausedPartner.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await removedPartner.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var patched = await owner.PatchAsJsonAsync($"/api/v1/oauth-clients/{paused.Id}", new { enabled = false });
        Assert.That((await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enabled").GetBoolean(), Is.False);
        await (await pausedPartner.GetAsync("/api/v1/me")).AssertProblem(HttpStatusCode.Unauthorized, "auth.not_authenticated");

        Assert.That((await owner.DeleteAsync($"/api/v1/oauth-clients/{removed.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await removedPartner.GetAsync("/api/v1/me")).AssertProblem(HttpStatusCode.Unauthorized, "auth.not_authenticated");
        await (await owner.GetAsync($"/api/v1/oauth-clients/{removed.Id}")).AssertProblem(HttpStatusCode.NotFound, "identity.oauth_client_not_found");
        await (await owner.DeleteAsync($"/api/v1/oauth-clients/{removed.Id}")).AssertProblem(HttpStatusCode.NotFound, "identity.oauth_client_not_found");
        await (await this.RequestTokenAsync(removed.ClientId, removed.Secret)).AssertOAuthError(401, "invalid_client");
    }

    [Test]
    public async Task Rotating_the_secret_ends_the_old_secret_and_the_tokens_issued_with_it()
    {
        var account = await this.CreateAccountAsync("rotation");
        using var owner = this.ClientFor(account);
        var client = await owner.RegisterClientAsync("Rotated", ApiScopes.ProfileRead);
        using var before = ClientWithToken(await this.PartnerTokenAsync(client));
        Assert.That((await before.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var rotated = await owner.PostAsync($"/api/v1/oauth-clients/{client.Id}/secret", null);
        var body = await rotated.Content.ReadAsStringAsync();
        Assert.That(rotated.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(rotated.Headers.CacheControl?.NoStore, Is.True);
        var json = JsonDocument.Parse(body).RootElement;
        var newSecret = json.GetProperty("clientSecret").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(newSecret, Is.Not.EqualTo(client.Secret));
            Assert.That(json.GetProperty("clientId").GetString(), Is.EqualTo(client.ClientId), "the client id stays");
        });

        await (await this.RequestTokenAsync(client.ClientId, client.Secret)).AssertOAuthError(401, "invalid_client");
        await (await before.GetAsync("/api/v1/me")).AssertProblem(HttpStatusCode.Unauthorized, "auth.not_authenticated");
        using var after = ClientWithToken(await this.PartnerTokenAsync(client with { Secret = newSecret }, basic: true));
        Assert.That((await after.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Narrowing_a_clients_scopes_applies_to_its_live_tokens()
    {
        var account = await this.CreateAccountAsync("narrowing");
        using var owner = this.ClientFor(account);
        var client = await owner.RegisterClientAsync("Narrowed", ApiScopes.ProfileRead, ApiScopes.NotesRead);
        using var partner = ClientWithToken(await this.PartnerTokenAsync(client));
        Assert.That((await partner.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var patched = await owner.PatchAsJsonAsync($"/api/v1/oauth-clients/{client.Id}", new { name = "Notes only", scopes = new[] { ApiScopes.NotesRead } });
        var json = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("name").GetString(), Is.EqualTo("Notes only"));
            Assert.That(json.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { ApiScopes.NotesRead }));
            Assert.That(json.GetProperty("enabled").GetBoolean(), Is.True, "fields not sent stay as they were");
        });

        await (await partner.GetAsync("/api/v1/me")).AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await this.RequestTokenAsync(client.ClientId, client.Secret, scope: ApiScopes.ProfileRead)).AssertOAuthError(400, "invalid_scope");
    }

    [Test]
    public async Task A_partner_token_cannot_use_the_endpoints_reserved_for_the_person()
    {
        var account = await this.CreateAccountAsync("interactive");
        using var owner = this.ClientFor(account);
        var client = await owner.RegisterClientAsync("Everything", [.. ApiScopes.All]);
        using var partner = ClientWithToken(await this.PartnerTokenAsync(client));

        var calls = new (string Name, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("list clients", () => partner.GetAsync("/api/v1/oauth-clients")),
            ("register client", () => partner.PostAsJsonAsync("/api/v1/oauth-clients", new { name = "Escalation", scopes = ApiScopes.All })),
            ("get client", () => partner.GetAsync($"/api/v1/oauth-clients/{client.Id}")),
            ("update client", () => partner.PatchAsJsonAsync($"/api/v1/oauth-clients/{client.Id}", new { enabled = true })),
            ("rotate secret", () => partner.PostAsync($"/api/v1/oauth-clients/{client.Id}/secret", null)),
            ("delete client", () => partner.DeleteAsync($"/api/v1/oauth-clients/{client.Id}")),
            ("list api keys", () => partner.GetAsync("/api/v1/me/api-keys")),
            ("set api key", () => partner.PutAsJsonAsync("/api/v1/me/api-keys/openai", new { apiKey = "sk-partner-0123456789" })),
            ("remove api key", () => partner.DeleteAsync("/api/v1/me/api-keys/openai")),
            ("sign out everywhere", () => partner.PostAsync("/api/v1/auth/sign-out-everywhere", null)),
        };

        foreach (var (name, call) in calls)
        {
            var response = await call();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), name);
            await response.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        }

        var clients = await owner.GetFromJsonAsync<JsonElement>("/api/v1/oauth-clients");
        Assert.That(clients.GetProperty("items").GetArrayLength(), Is.EqualTo(1), "nothing was created, changed or deleted");
        Assert.That((await partner.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the partner token itself still works");
    }

    [Test]
    public async Task Another_users_client_is_not_found()
    {
        var alice = await this.CreateAccountAsync("alice");
        var mallory = await this.CreateAccountAsync("mallory");
        using var aliceClient = this.ClientFor(alice);
        using var malloryClient = this.ClientFor(mallory);
        var client = await aliceClient.RegisterClientAsync("Alice's", ApiScopes.ProfileRead);

        await (await malloryClient.GetAsync($"/api/v1/oauth-clients/{client.Id}")).AssertProblem(HttpStatusCode.NotFound, "identity.oauth_client_not_found");
        await (await malloryClient.PatchAsJsonAsync($"/api/v1/oauth-clients/{client.Id}", new { enabled = false })).AssertProblem(HttpStatusCode.NotFound, "identity.oauth_client_not_found");
        await (await malloryClient.PostAsync($"/api/v1/oauth-clients/{client.Id}/secret", null)).AssertProblem(HttpStatusCode.NotFound, "identity.oauth_client_not_found");
        await (await malloryClient.DeleteAsync($"/api/v1/oauth-clients/{client.Id}")).AssertProblem(HttpStatusCode.NotFound, "identity.oauth_client_not_found");
        Assert.That((await malloryClient.GetFromJsonAsync<JsonElement>("/api/v1/oauth-clients")).GetProperty("items").GetArrayLength(), Is.Zero);

        // Untouched: still enabled, old secret still works.
        using var partner = ClientWithToken(await this.PartnerTokenAsync(client));
        var me = await partner.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.That(me.GetProperty("id").GetGuid(), Is.EqualTo(alice.UserId));
    }

    [Test]
    public async Task Client_fields_are_validated_with_field_errors()
    {
        var account = await this.CreateAccountAsync("clientrules");
        using var owner = this.ClientFor(account);

        var bad = await owner.PostAsJsonAsync("/api/v1/oauth-clients", new { name = "   ", scopes = new[] { "notes:read", "admin:everything" } });
        var problem = await bad.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(ErrorFields(problem), Is.EquivalentTo(new[] { "name", "scopes" }));

        var missing = await owner.PostAsJsonAsync("/api/v1/oauth-clients", new { });
        Assert.That(ErrorFields(await missing.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")), Is.EquivalentTo(new[] { "name", "scopes" }));

        var tooLong = await owner.PostAsJsonAsync("/api/v1/oauth-clients", new { name = new string('n', 101), scopes = Array.Empty<string>() });
        Assert.That(ErrorFields(await tooLong.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")), Is.EquivalentTo(new[] { "name", "scopes" }));

        var client = await owner.RegisterClientAsync(new string('n', 100), ApiScopes.NotesRead);
        var emptyScopes = await owner.PatchAsJsonAsync($"/api/v1/oauth-clients/{client.Id}", new { scopes = Array.Empty<string>(), name = "" });
        Assert.That(ErrorFields(await emptyScopes.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")), Is.EquivalentTo(new[] { "name", "scopes" }));
        var nul = await owner.PatchAsJsonAsync($"/api/v1/oauth-clients/{client.Id}", new { name = "a\0b" });
        Assert.That(ErrorFields(await nul.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")), Is.EquivalentTo(new[] { "name" }));

        var unchanged = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/oauth-clients/{client.Id}");
        Assert.That(unchanged.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { ApiScopes.NotesRead }));
        // A malformed id is the client's mistake, named as such (issue 11), not a missing resource.
        var malformed = await (await owner.GetAsync("/api/v1/oauth-clients/not-a-guid")).AssertProblem(HttpStatusCode.BadRequest, "bad_request");
        Assert.That(malformed.GetProperty("errors").TryGetProperty("id", out _), Is.True);
    }

    [Test]
    public async Task The_use_cases_refuse_a_partner_even_when_sent_past_the_endpoint()
    {
        var account = await this.CreateAccountAsync("bypass");
        await using var scope = CreateScope();
        // The caller a partner token would produce: the owner's id, a client id, every scope, no session.
        var partner = new ClaimsIdentity(
            [new Claim("sub", account.UserId.ToString()), new Claim("client_id", "vnc_bypass"), new Claim("scope", string.Join(' ', ApiScopes.All))],
            authenticationType: "test");
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(partner) };
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();

        var results = new Result[]
        {
            await sender.Send(new RegisterClient("Escalation", [.. ApiScopes.All])),
            await sender.Send(new ListClients(new PageQuery())),
            await sender.Send(new SetApiKey(ApiKeyProvider.OpenAi, "sk-bypass-0123456789", null)),
            await sender.Send(new ListApiKeys()),
        };

        Assert.That(results.Select(r => r.Error.Code), Is.All.EqualTo("auth.interactive_only"));
        Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM identity.oauth_clients WHERE owner_id = '{account.UserId}'"), Is.Zero);
        Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM identity.api_keys WHERE owner_id = '{account.UserId}'"), Is.Zero);
    }

    private static IEnumerable<string> ErrorFields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name);
}
