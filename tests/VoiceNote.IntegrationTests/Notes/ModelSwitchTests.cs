using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.Notes.Application.Search.Reembed;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>
/// Vectors stored per model (docs/decisions/0072): switching from the local model to a remote one (the fake
/// OpenAI-compatible server, 1536 dimensions) and back, re-embedding with the resumable, throttled run, and
/// never comparing a query with another model's vectors.
/// </summary>
public sealed class ModelSwitchTests : DatabaseFixture
{
    private const string Local = "local/all-MiniLM-L6-v2";
    private const string Remote = "openai/test-embed-1536";

    private readonly FakeEmbeddingServer _server = FakeEmbeddingServer.StartAsync().GetAwaiter().GetResult();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Embeddings:Provider"] = "local",
        ["Embeddings:BaseUrl"] = _server.BaseUrl,
        ["Embeddings:Model"] = "test-embed-1536",
        ["Embeddings:ApiKey"] = "sk-operator",
        ["Embeddings:MaxRetryDelay"] = "00:00:00.050",
        ["Engines:AllowedHosts:0"] = "127.0.0.1",
        ["Notes:Search:ReembedBatchSize"] = "3",
        ["Notes:Search:ReembedPause"] = "00:00:00.010",
    };

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [TearDown]
    public void BackToLocal() => UseProvider("local");

    [Test]
    public async Task Switching_to_a_remote_model_and_back_reembeds_and_compares_only_same_model_vectors()
    {
        await ResetDatabaseAsync();
        var account = await this.CreateAccountAsync("switcher");
        using var client = this.ClientFor(account);
        var dentist = (await client.CreateNoteAsync("Call the dentist tomorrow", "Move the filling to the afternoon")).Id();
        await client.CreateNoteAsync("Buy milk and bread");
        await this.WaitForEmbeddingsAsync(account.UserId);
        Assert.That(await ScalarAsync<string>($"SELECT string_agg(DISTINCT model, ',') FROM notes.note_passages WHERE owner_id = '{account.UserId}'"), Is.EqualTo(Local));
        Assert.That(await ScalarAsync<int>($"SELECT DISTINCT vector_dims(embedding) FROM notes.note_passages WHERE owner_id = '{account.UserId}'"), Is.EqualTo(384));

        UseProvider("openai");
        // Before re-embedding, a query by the remote model meets no vector of its own model: nothing, not local vectors.
        var beforeReembed = await client.SearchAsync("dentist appointment", "semantic");
        Assert.Multiple(() =>
        {
            Assert.That(beforeReembed.GetProperty("embeddingModel").GetString(), Is.EqualTo(Remote));
            Assert.That(beforeReembed.HitIds(), Is.Empty, "the local model's vectors are never compared with the remote model's query");
        });

        var progress = await ReembedAsync();
        Assert.That(progress.Total, Is.EqualTo(2));
        Assert.Multiple(async () =>
        {
            Assert.That(await ScalarAsync<string>($"SELECT string_agg(DISTINCT model, ',') FROM notes.note_passages WHERE owner_id = '{account.UserId}'"), Is.EqualTo(Remote));
            Assert.That(await ScalarAsync<int>($"SELECT DISTINCT vector_dims(embedding) FROM notes.note_passages WHERE owner_id = '{account.UserId}'"), Is.EqualTo(1536));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM pg_indexes WHERE schemaname = 'notes' AND indexname = '{NotesSearchSchema.ModelIndexName(Remote)}'"),
                Is.EqualTo(1), "the remote model got its own HNSW index when first used");
        });
        var remote = await client.SearchAsync("dentist appointment", "semantic");
        Assert.That(remote.HitIds().First(), Is.EqualTo(dentist));

        UseProvider("local");
        var stale = await client.SearchAsync("tooth doctor visit", "semantic");
        Assert.That(stale.HitIds(), Is.Empty, "the remote vectors are not compared with a local query either");
        Assert.That((await ReembedAsync()).Total, Is.EqualTo(2));
        var back = await client.SearchAsync("tooth doctor visit", "semantic");
        Assert.Multiple(() =>
        {
            Assert.That(back.GetProperty("embeddingModel").GetString(), Is.EqualTo(Local));
            Assert.That(back.HitIds().First(), Is.EqualTo(dentist));
        });
    }

    [Test]
    public async Task A_stopped_reembedding_continues_where_it_stopped_and_the_admin_endpoint_reports_progress()
    {
        await ResetDatabaseAsync();
        var account = await this.CreateAccountAsync("many");
        using var client = this.ClientFor(account);
        for (var i = 0; i < 10; i++)
        {
            await client.CreateNoteAsync($"Errand number {i}", "Pick up the parcel at the post office");
        }

        await this.WaitForEmbeddingsAsync(account.UserId);
        UseProvider("openai");

        // Stopped after the first batch (3 notes), as a process killed mid-way would be.
        using var stop = new CancellationTokenSource();
        await using (var scope = CreateScope())
        {
            Assert.That(
                () => scope.ServiceProvider.GetRequiredService<ReembedAllNotes>().RunAsync(
                    p =>
                    {
                        if (p.Done >= 3)
                        {
                            stop.Cancel();
                        }

                        return Task.CompletedTask;
                    },
                    stop.Token),
                Throws.InstanceOf<OperationCanceledException>());
        }

        var done = await ScalarAsync<long>($"SELECT count(*) FROM notes.notes WHERE owner_id = '{account.UserId}' AND embedding_model = '{Remote}'");
        Assert.That(done, Is.EqualTo(3));
        var requestsBefore = _server.Requests.Count;

        // Started again through the admin endpoint: only the 7 left are embedded.
        var admin = await this.CreateAccountAsync("operator");
        await this.GrantAdminAsync(admin, VoiceNote.Application.Security.AdminPermissions.CanModifySystemSettings);
        using var adminClient = this.ClientFor(admin);
        var started = await adminClient.PostAsync("/api/v1/admin/search/reembed", null);
        Assert.That(started.IsSuccessStatusCode, Is.True);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        System.Text.Json.JsonElement status;
        do
        {
            await Task.Delay(100);
            status = await adminClient.GetJsonAsync("/api/v1/admin/search/reembed");
        }
        while (status.GetProperty("state").GetString() == "Running" && DateTime.UtcNow < deadline);

        Assert.Multiple(async () =>
        {
            Assert.That(status.GetProperty("state").GetString(), Is.EqualTo("Completed"));
            Assert.That(status.GetProperty("model").GetString(), Is.EqualTo(Remote));
            Assert.That(status.GetProperty("total").GetInt32(), Is.EqualTo(7), "the notes already embedded by the current model are skipped");
            Assert.That(status.GetProperty("done").GetInt32(), Is.EqualTo(7));
            Assert.That(_server.Requests.Count - requestsBefore, Is.EqualTo(7), "one request per note left (each is one passage)");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.notes WHERE owner_id = '{account.UserId}' AND embedding_model = '{Remote}'"), Is.EqualTo(10));
        });

        using var user = this.ClientFor(account);
        var refused = await user.PostAsync("/api/v1/admin/search/reembed", null);
        Assert.That((int)refused.StatusCode, Is.EqualTo(403).Or.EqualTo(404));
    }

    private async Task<ReembedProgress> ReembedAsync()
    {
        await using var scope = CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReembedAllNotes>().RunAsync(_ => Task.CompletedTask, CancellationToken.None);
    }

    /// <summary>The provider is read from the configuration at each resolution, as an operator's change would be after a restart.</summary>
    private void UseProvider(string provider) => Api.Services.GetRequiredService<IConfiguration>()["Embeddings:Provider"] = provider;
}
