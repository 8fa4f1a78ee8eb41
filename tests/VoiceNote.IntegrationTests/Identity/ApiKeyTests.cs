using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Domain.Primitives;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>
/// Third-party API keys: stored encrypted, described but never shown, readable in clear only through
/// the module's facade. Every response of this fixture and every log line the host writes are
/// captured, so the tests can prove no key ever leaves through either.
/// </summary>
public sealed class ApiKeyTests : DatabaseFixture
{
    private readonly CapturedLogs _logs = new();
    private readonly RecordedResponses _responses = new();

    // The operator allows a self-hosted server on this machine's port 8000 (ADR 0065); other local addresses stay refused.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Engines:AllowedHosts:0"] = "localhost:8000" };

    protected override void ConfigureServices(IServiceCollection services) => _logs.AddTo(services);

    [Test]
    public async Task A_key_is_stored_encrypted_described_by_its_last_four_and_readable_only_through_the_facade()
    {
        var account = await this.CreateAccountAsync("keys");
        using var client = Recording(account);
        var first = SecretKey("sk-first");
        var second = SecretKey("sk-second");

        var set = await client.PutAsJsonAsync("/api/v1/me/api-keys/openai", new { apiKey = first });
        var setBody = await set.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(() =>
        {
            Assert.That(setBody.GetProperty("provider").GetString(), Is.EqualTo("OPENAI"));
            Assert.That(setBody.GetProperty("lastFour").GetString(), Is.EqualTo(first[^4..]));
            Assert.That(setBody.GetProperty("baseUrl").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });

        var credential = await CredentialAsync(account, ApiKeyProvider.OpenAi);
        Assert.That(credential?.ApiKey, Is.EqualTo(first), "the facade decrypts what was stored");
        Assert.That(credential!.ToString(), Does.Not.Contain(first));

        var ciphertext = await ScalarAsync<byte[]>($"SELECT ciphertext FROM identity.api_keys WHERE owner_id = '{account.UserId}' AND provider = 'OpenAi'");
        Assert.Multiple(() =>
        {
            Assert.That(Contains(ciphertext, Encoding.UTF8.GetBytes(first)), Is.False, "the key is not stored in clear");
            Assert.That(Contains(ciphertext, Encoding.UTF8.GetBytes(first[..12])), Is.False, "not even a part of it");
            Assert.That(ciphertext, Has.Length.GreaterThan(first.Length), "an envelope: key id, nonce, tag, ciphertext");
        });

        var replaced = await client.PutAsJsonAsync("/api/v1/me/api-keys/openai", new { apiKey = second });
        var replacedBody = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(replaced.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(replacedBody.GetProperty("lastFour").GetString(), Is.EqualTo(second[^4..]));
            Assert.That(replacedBody.GetProperty("createdAt").GetDateTimeOffset(), Is.EqualTo(setBody.GetProperty("createdAt").GetDateTimeOffset()));
            Assert.That(replacedBody.GetProperty("updatedAt").GetDateTimeOffset(), Is.GreaterThanOrEqualTo(setBody.GetProperty("updatedAt").GetDateTimeOffset()));
        });
        Assert.That((await CredentialAsync(account, ApiKeyProvider.OpenAi))?.ApiKey, Is.EqualTo(second));

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/api-keys");
        Assert.That(list.GetArrayLength(), Is.EqualTo(1), "replacing keeps one key per provider");
        var listed = list[0];
        Assert.Multiple(() =>
        {
            Assert.That(listed.GetProperty("provider").GetString(), Is.EqualTo("OPENAI"));
            Assert.That(listed.GetProperty("lastFour").GetString(), Is.EqualTo(second[^4..]));
            Assert.That(listed.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "provider", "lastFour", "baseUrl", "createdAt", "updatedAt" }));
        });

        Assert.That((await client.DeleteAsync("/api/v1/me/api-keys/openai")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await client.DeleteAsync("/api/v1/me/api-keys/openai")).AssertProblem(HttpStatusCode.NotFound, "identity.api_key_not_found");
        Assert.That(await CredentialAsync(account, ApiKeyProvider.OpenAi), Is.Null);
        Assert.That((await client.GetFromJsonAsync<JsonElement>("/api/v1/me/api-keys")).GetArrayLength(), Is.Zero);

        AssertNeverLeaked(first, second);
    }

    [Test]
    public async Task An_openai_compatible_key_needs_a_base_url_and_the_others_refuse_one()
    {
        var account = await this.CreateAccountAsync("baseurl");
        using var client = Recording(account);
        var key = SecretKey("local");

        var missing = await client.PutAsJsonAsync("/api/v1/me/api-keys/openai-compatible", new { apiKey = key });
        Assert.That(Fields(await missing.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")), Is.EquivalentTo(new[] { "baseUrl" }));
        foreach (var url in new[] { "ftp://models.local/v1", "/v1", "models.local:8000", "http://user:pw@models.local/v1", "http://models.local/v1#x", "http://" + new string('a', 500) + ".test" })
        {
            var bad = await client.PutAsJsonAsync("/api/v1/me/api-keys/openai-compatible", new { apiKey = key, baseUrl = url });
            Assert.That(Fields(await bad.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")), Is.EquivalentTo(new[] { "baseUrl" }), url);
        }

        var refused = await client.PutAsJsonAsync("/api/v1/me/api-keys/deepgram", new { apiKey = key, baseUrl = "http://localhost:8000/v1" });
        Assert.That(Fields(await refused.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")), Is.EquivalentTo(new[] { "baseUrl" }));

        var ok = await client.PutAsJsonAsync("/api/v1/me/api-keys/openai-compatible", new { apiKey = key, baseUrl = "http://localhost:8000/v1" });
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ok.Content.ReadAsStringAsync());
        Assert.That((await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("baseUrl").GetString(), Is.EqualTo("http://localhost:8000/v1"));
        var credential = await CredentialAsync(account, ApiKeyProvider.OpenAiCompatible);
        Assert.That(credential, Is.EqualTo(new ProviderCredential(ApiKeyProvider.OpenAiCompatible, key, "http://localhost:8000/v1")));

        foreach (var (provider, expected) in new[] { ("deepgram", ApiKeyProvider.Deepgram), ("groq", ApiKeyProvider.Groq), ("elevenlabs", ApiKeyProvider.ElevenLabs) })
        {
            var stored = await client.PutAsJsonAsync($"/api/v1/me/api-keys/{provider}", new { apiKey = key + provider });
            Assert.That(stored.StatusCode, Is.EqualTo(HttpStatusCode.OK), provider);
            Assert.That((await CredentialAsync(account, expected))?.ApiKey, Is.EqualTo(key + provider));
        }

        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/api-keys");
        Assert.That(all.EnumerateArray().Select(k => k.GetProperty("provider").GetString()), Is.EquivalentTo(new[] { "OPENAI_COMPATIBLE", "DEEPGRAM", "GROQ", "ELEVENLABS" }));
        AssertNeverLeaked(key);
    }

    [Test]
    public async Task Malformed_keys_are_refused_without_being_echoed()
    {
        var account = await this.CreateAccountAsync("malformed");
        using var client = Recording(account);
        var spaced = SecretKey("sk-with space");
        var lineBreak = SecretKey("sk-line\nbreak");
        var nonAscii = SecretKey("sk-ключ");
        var tooLong = SecretKey("sk-long") + new string('x', 500);

        foreach (var key in new[] { spaced, lineBreak, nonAscii, tooLong, "short", string.Empty })
        {
            var response = await client.PutAsJsonAsync("/api/v1/me/api-keys/groq", new { apiKey = key });
            Assert.That(Fields(await response.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")), Is.EquivalentTo(new[] { "apiKey" }), key);
        }

        Assert.That(await CredentialAsync(account, ApiKeyProvider.Groq), Is.Null);
        AssertNeverLeaked(spaced, lineBreak, nonAscii, tooLong);
    }

    [Test]
    public async Task Unknown_providers_are_not_found()
    {
        var account = await this.CreateAccountAsync("unknown");
        using var client = Recording(account);
        var key = SecretKey("unknown");

        await (await client.PutAsJsonAsync("/api/v1/me/api-keys/anthropic", new { apiKey = key })).AssertProblem(HttpStatusCode.NotFound, "identity.unknown_provider");
        await (await client.DeleteAsync("/api/v1/me/api-keys/anthropic")).AssertProblem(HttpStatusCode.NotFound, "identity.unknown_provider");
        await (await client.PutAsJsonAsync("/api/v1/me/api-keys/openai2", new { apiKey = key })).AssertProblem(HttpStatusCode.NotFound, "identity.unknown_provider");
        AssertNeverLeaked(key);
    }

    [Test]
    public async Task Another_user_cannot_see_replace_or_delete_a_key()
    {
        var alice = await this.CreateAccountAsync("alice");
        var mallory = await this.CreateAccountAsync("mallory");
        using var aliceClient = Recording(alice);
        using var malloryClient = Recording(mallory);
        var key = SecretKey("alice");

        Assert.That((await aliceClient.PutAsJsonAsync("/api/v1/me/api-keys/deepgram", new { apiKey = key })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await malloryClient.GetFromJsonAsync<JsonElement>("/api/v1/me/api-keys")).GetArrayLength(), Is.Zero);
        await (await malloryClient.DeleteAsync("/api/v1/me/api-keys/deepgram")).AssertProblem(HttpStatusCode.NotFound, "identity.api_key_not_found");

        // Mallory's own key for the same provider is hers alone; Alice's stays as it was.
        var malloryKey = SecretKey("mallory");
        Assert.That((await malloryClient.PutAsJsonAsync("/api/v1/me/api-keys/deepgram", new { apiKey = malloryKey })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await CredentialAsync(alice, ApiKeyProvider.Deepgram))?.ApiKey, Is.EqualTo(key));
        Assert.That((await CredentialAsync(mallory, ApiKeyProvider.Deepgram))?.ApiKey, Is.EqualTo(malloryKey));
        Assert.That((await aliceClient.GetFromJsonAsync<JsonElement>("/api/v1/me/api-keys"))[0].GetProperty("lastFour").GetString(), Is.EqualTo(key[^4..]));

        // A ciphertext moved to another owner's row does not decrypt: the purpose binds it to its owner.
        await ExecuteAsync($"UPDATE identity.api_keys SET ciphertext = (SELECT ciphertext FROM identity.api_keys WHERE owner_id = '{alice.UserId}' AND provider = 'Deepgram') WHERE owner_id = '{mallory.UserId}' AND provider = 'Deepgram'");
        Assert.ThrowsAsync(Is.InstanceOf<System.Security.Cryptography.CryptographicException>(), () => CredentialAsync(mallory, ApiKeyProvider.Deepgram));

        AssertNeverLeaked(key, malloryKey);
    }

    [Test]
    public async Task Concurrent_saves_of_a_new_key_do_not_fail()
    {
        var account = await this.CreateAccountAsync("concurrent");
        using var client = Recording(account);
        var keys = Enumerable.Range(0, 6).Select(i => SecretKey($"race{i}")).ToList();

        var responses = await Task.WhenAll(keys.Select(k => client.PutAsJsonAsync("/api/v1/me/api-keys/elevenlabs", new { apiKey = k })));
        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetFromJsonAsync<JsonElement>("/api/v1/me/api-keys")).GetArrayLength(), Is.EqualTo(1));
        Assert.That(keys, Does.Contain((await CredentialAsync(account, ApiKeyProvider.ElevenLabs))?.ApiKey));
        AssertNeverLeaked([.. keys]);
    }

    /// <summary>A distinctive key nobody else in the run uses, so finding it anywhere means it leaked.</summary>
    private static string SecretKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private HttpClient Recording(TestAccount account)
    {
        // The factory's own client knows the Kestrel address; this one sends through the recorder to it.
        using var probe = Api.CreateClient();
        var client = new HttpClient(new RecordedResponses.Forwarder(_responses) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = probe.BaseAddress };
        client.DefaultRequestHeaders.Authorization = TestAccounts.Bearer(account.AccessToken);
        return client;
    }

    private async Task<ProviderCredential?> CredentialAsync(TestAccount account, ApiKeyProvider provider)
    {
        await using var scope = CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IIdentityModule>().GetProviderCredentialAsync(new UserId(account.UserId), provider, CancellationToken.None);
    }

    private void AssertNeverLeaked(params string[] keys)
    {
        var responses = _responses.All;
        var logs = _logs.Lines;
        Assert.Multiple(() =>
        {
            Assert.That(responses, Is.Not.Empty, "responses were recorded");
            Assert.That(logs, Is.Not.Empty, "log lines were captured");
            Assert.That(_logs.Containing("SetApiKey"), Is.Not.Empty, "the use case's own log lines were captured");
            foreach (var key in keys)
            {
                Assert.That(responses.Where(r => r.Contains(key, StringComparison.Ordinal)), Is.Empty, "a response carried the key");
                Assert.That(_logs.Containing(key), Is.Empty, "a log line carried the key");
            }
        });
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static IEnumerable<string> Fields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name);
}
