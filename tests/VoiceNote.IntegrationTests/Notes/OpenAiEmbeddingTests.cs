using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceNote.Application.Crypto;
using VoiceNote.Application.Embeddings;
using VoiceNote.Benchmarks;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Embeddings;
using VoiceNote.Infrastructure.Outbound;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>
/// The OpenAI-compatible adapter against a local server that speaks the wire format: retries on 429
/// and 5xx, gives up cleanly, uses the owner's stored key and server before the operator's, and
/// drives the whole background embedding and semantic search when configured as the provider.
/// </summary>
public sealed class OpenAiEmbeddingTests : DatabaseFixture
{
    private static readonly Lazy<ServiceProvider> OutboundServices = new(() => new ServiceCollection().AddLogging()
        .AddOutboundHttp(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Engines:AllowedHosts:0"] = "127.0.0.1" }).Build())
        .BuildServiceProvider());

    private static readonly Lazy<IHttpClientFactory> Clients = new(() => OutboundServices.Value.GetRequiredService<IHttpClientFactory>());

    private static readonly Lazy<IOptionsMonitor<OutboundOptions>> Outbound = new(() => OutboundServices.Value.GetRequiredService<IOptionsMonitor<OutboundOptions>>());

    private readonly FakeEmbeddingServer _server = FakeEmbeddingServer.StartAsync().GetAwaiter().GetResult();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Embeddings:Provider"] = "openai",
        ["Embeddings:BaseUrl"] = _server.BaseUrl,
        ["Embeddings:Model"] = "test-embed-1536",
        ["Embeddings:ApiKey"] = "sk-operator",
        ["Embeddings:MaxRetryDelay"] = "00:00:00.050",
        // An owner's own server on this machine goes through the guarded client: the operator allows it (ADR 0065).
        ["Engines:AllowedHosts:0"] = "127.0.0.1",
    };

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public async Task A_429_then_success_is_retried_and_the_wire_format_is_right()
    {
        await using var server = await FakeEmbeddingServer.StartAsync();
        server.Plan(429);
        var generator = Generator(server.BaseUrl);

        var vector = await generator.GenerateAsync("call the dentist", owner: null, CancellationToken.None);

        var seen = server.Requests.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(vector, Is.EqualTo(SyntheticVectors.Of("call the dentist", 1536)));
            Assert.That(seen, Has.Count.EqualTo(2));
            Assert.That(seen[0].Authorization, Is.EqualTo("Bearer sk-operator"));
            Assert.That(seen[0].Model, Is.EqualTo("test-embed-1536"));
            Assert.That(seen[0].Input, Is.EqualTo("call the dentist"));
            Assert.That(seen[0].Dimensions, Is.EqualTo(1536));
            Assert.That(generator.Model, Is.EqualTo("openai/test-embed-1536"));
        });
    }

    [Test]
    public async Task Persistent_500s_and_wrong_dimensions_become_embedding_unavailable()
    {
        await using var server = await FakeEmbeddingServer.StartAsync();
        server.AlwaysFailWith = 500;
        var generator = Generator(server.BaseUrl);
        Assert.That(() => generator.GenerateAsync("anything", null, CancellationToken.None), Throws.TypeOf<EmbeddingUnavailableException>());
        Assert.That(server.Requests, Has.Count.EqualTo(3), "three attempts, then give up");

        server.AlwaysFailWith = null;
        server.Plan(429, 429, 429);
        var limited = Assert.ThrowsAsync<EmbeddingUnavailableException>(() => generator.GenerateAsync("anything", null, CancellationToken.None));
        Assert.That(limited!.RetryAfter, Is.Not.Null);

        server.Dimensions = 768;
        Assert.That(() => generator.GenerateAsync("anything", null, CancellationToken.None),
            Throws.TypeOf<EmbeddingUnavailableException>().With.Message.Contains("768"));

        var dead = Generator("http://127.0.0.1:9");
        Assert.That(() => dead.GenerateAsync("anything", null, CancellationToken.None), Throws.TypeOf<EmbeddingUnavailableException>());
    }

    [Test]
    public async Task The_owners_stored_key_and_server_come_before_the_operators()
    {
        await using var ownServer = await FakeEmbeddingServer.StartAsync();
        var account = await this.CreateAccountAsync("withkey");
        await StoreKeyAsync(account.UserId, ApiKeyProvider.OpenAiCompatible, "sk-owner-own", ownServer.BaseUrl);
        var noKey = await this.CreateAccountAsync("nokey");

        await using var scope = CreateScope();
        var generator = Generator("http://127.0.0.1:9", scope.ServiceProvider);
        await generator.GenerateAsync("mine", new UserId(account.UserId), CancellationToken.None);
        Assert.That(ownServer.Requests.Single().Authorization, Is.EqualTo("Bearer sk-owner-own"));

        var operatorGenerator = Generator(_server.BaseUrl, scope.ServiceProvider);
        var before = _server.Requests.Count(r => r.Input == "theirs");
        await operatorGenerator.GenerateAsync("theirs", new UserId(noKey.UserId), CancellationToken.None);
        Assert.That(_server.Requests.Where(r => r.Input == "theirs").Skip(before).Single().Authorization, Is.EqualTo("Bearer sk-operator"));
    }

    [Test]
    public async Task Configured_as_the_provider_it_embeds_notes_in_the_background_and_serves_semantic_search()
    {
        var account = await this.CreateAccountAsync("remote");
        using var client = this.ClientFor(account);
        var note = (await client.CreateNoteAsync("Call the dentist tomorrow", "Move the filling to the afternoon")).Id();
        await client.CreateNoteAsync("Buy milk and bread");
        await this.WaitForEmbeddingsAsync(account.UserId);

        Assert.That(await ScalarAsync<string>($"SELECT embedding_model FROM notes.notes WHERE id = '{note}'"), Is.EqualTo("openai/test-embed-1536"));
        var results = await client.SearchAsync("dentist appointment", "semantic");
        Assert.Multiple(() =>
        {
            Assert.That(results.GetProperty("embeddingModel").GetString(), Is.EqualTo("openai/test-embed-1536"));
            Assert.That(results.HitIds().First(), Is.EqualTo(note));
            Assert.That(_server.Requests.Any(r => r.Input == "dentist appointment"), Is.True, "the query went through the adapter");
        });

        // The same query again comes from the cache, not the server.
        var asked = _server.Requests.Count(r => r.Input == "dentist appointment");
        await client.SearchAsync("dentist appointment", "semantic");
        Assert.That(_server.Requests.Count(r => r.Input == "dentist appointment"), Is.EqualTo(asked));

        // The provider failing: semantic mode says so (503), hybrid still answers from the words.
        _server.AlwaysFailWith = 500;
        try
        {
            var failed = await client.GetAsync("/api/v1/notes/search?q=toothache&mode=semantic");
            await failed.AssertProblem(System.Net.HttpStatusCode.ServiceUnavailable, "notes.embeddings_unavailable");
            var hybrid = await client.SearchAsync("dentist toothache");
            Assert.That(hybrid.GetProperty("semanticAvailable").GetBoolean(), Is.False);
            Assert.That(hybrid.HitIds(), Does.Contain(note));
        }
        finally
        {
            _server.AlwaysFailWith = null;
        }
    }

    private OpenAiEmbeddingGenerator Generator(string baseUrl, IServiceProvider? services = null) =>
        new(Clients.Value, Options.Create(new EmbeddingOptions
        {
            Provider = "openai",
            BaseUrl = baseUrl,
            Model = "test-embed-1536",
            ApiKey = "sk-operator",
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
            Timeout = TimeSpan.FromSeconds(5),
        }), Outbound.Value, services ?? new ServiceCollection().BuildServiceProvider());

    /// <summary>Stores a provider key as the Identity module does (encrypted with the host's key ring), straight in its table.</summary>
    private async Task StoreKeyAsync(Guid owner, ApiKeyProvider provider, string key, string baseUrl)
    {
        var protector = Api.Services.GetRequiredService<ISecretProtector>();
        var ciphertext = protector.Protect(Encoding.UTF8.GetBytes(key), StoredApiKey.Purpose(new UserId(owner), provider));
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO identity.api_keys (id, owner_id, provider, ciphertext, last_four, base_url, created_at, updated_at) VALUES (@id, @owner, @provider, @c, @last, @url, now(), now())",
            connection);
        command.Parameters.AddWithValue("id", Guid.NewGuid());
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("provider", provider.ToString());
        command.Parameters.AddWithValue("c", ciphertext);
        command.Parameters.AddWithValue("last", key[^4..]);
        command.Parameters.AddWithValue("url", baseUrl);
        await command.ExecuteNonQueryAsync();
    }
}
