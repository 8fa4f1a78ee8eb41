using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.Application.Security;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>
/// POST /oauth-clients with an Idempotency-Key (issue 12, ADR 0067): a retry after a lost answer gets
/// the same client, not a second one, with a working secret — a new one, since only a hash of the first is kept.
/// </summary>
public sealed class ClientIdempotencyTests : DatabaseFixture
{
    [Test]
    public async Task A_retry_answers_the_same_client_with_a_secret_that_works_and_the_first_stops()
    {
        var account = await this.CreateAccountAsync("clientretry");
        using var owner = this.ClientFor(account);
        var body = new { name = "Calendar sync", scopes = new[] { ApiScopes.NotesRead } };

        var first = await RegisterAsync(owner, "register-1", body);
        var retry = await RegisterAsync(owner, "register-1", body);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(retry.Headers.CacheControl?.NoStore, Is.True, "an answer with a secret must not be cached");
        var (firstJson, retryJson) = (await JsonOf(first), await JsonOf(retry));
        Assert.That(retryJson.GetProperty("id").GetGuid(), Is.EqualTo(firstJson.GetProperty("id").GetGuid()));
        Assert.That(retryJson.GetProperty("clientId").GetString(), Is.EqualTo(firstJson.GetProperty("clientId").GetString()));
        var clientId = retryJson.GetProperty("clientId").GetString()!;
        Assert.That((await this.RequestTokenAsync(clientId, retryJson.GetProperty("clientSecret").GetString()!)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await this.RequestTokenAsync(clientId, firstJson.GetProperty("clientSecret").GetString()!)).StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
        Assert.That(await ClientsOfAsync(account), Is.EqualTo(1));
    }

    [Test]
    public async Task Concurrent_retries_make_one_client_and_another_body_is_refused()
    {
        var account = await this.CreateAccountAsync("clientburst");
        using var owner = this.ClientFor(account);
        var body = new { name = "Sync", scopes = new[] { ApiScopes.NotesRead } };

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RegisterAsync(owner, "burst", body)));
        var reused = await RegisterAsync(owner, "burst", new { name = "Another", scopes = new[] { ApiScopes.NotesRead } });

        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(answers.Select(a => a.StatusCode), Is.All.AnyOf(HttpStatusCode.Created, HttpStatusCode.OK));
        await reused.AssertProblem(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        Assert.That(await ClientsOfAsync(account), Is.EqualTo(1));
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient owner, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/oauth-clients") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return owner.SendAsync(request);
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private Task<long> ClientsOfAsync(TestAccount account) =>
        ScalarAsync<long>($"SELECT count(*) FROM identity.oauth_clients WHERE owner_id = '{account.UserId}'");
}
