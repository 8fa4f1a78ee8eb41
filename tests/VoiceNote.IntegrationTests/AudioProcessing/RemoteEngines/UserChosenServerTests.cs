using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VoiceNote.Infrastructure.Outbound;
using VoiceNote.IntegrationTests.AudioProcessing.ChatAnalysis;
using VoiceNote.IntegrationTests.AudioProcessing.Pipeline;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;

namespace VoiceNote.IntegrationTests.AudioProcessing.RemoteEngines;

/// <summary>
/// An owner's own OpenAI-compatible server, end to end through the real host, its job worker and real sockets
/// (ADR 0065): a base URL on this machine or a private network is refused when saved and again when called, an
/// allow-listed one works, answers are read to a limit, what the owner reads is the project's words and never the
/// server's, AUTO gives way to the offline engines when the server is down, and LOCAL never calls it.
/// The operator allows exactly one server here: 127.0.0.1 on the wire server's port (and on a port nothing
/// listens on, for a server that is down). Nothing in this fixture connects anywhere but 127.0.0.1.
/// </summary>
public sealed class UserChosenServerTests : DatabaseFixture
{
    private const string Transcript = """
        {"task":"transcribe","language":"english","duration":3.1,"text":" Call the dentist tomorrow at five pm and buy milk.",
         "words":[{"word":"Call","start":0.1,"end":0.4},{"word":"the","start":0.4,"end":0.5},{"word":"dentist","start":0.5,"end":1.0},
                  {"word":"tomorrow","start":1.0,"end":1.5},{"word":"at","start":1.5,"end":1.6},{"word":"five","start":1.6,"end":1.9},
                  {"word":"pm","start":1.9,"end":2.2},{"word":"and","start":2.2,"end":2.4},{"word":"buy","start":2.4,"end":2.7},{"word":"milk","start":2.7,"end":3.1}]}
        """;

    private const string Marker = "ENGINE-SECRET-7f3a";
    private const string ServerPath = "/var/lib/whisper/models/large-v3.bin";

    // Started before the host, whose settings name their ports.
    private readonly WireServer _engine = WireServer.StartAsync().GetAwaiter().GetResult();
    private readonly int _downPort = LoopbackPorts.Closed();
    private readonly CapturedLogs _logs = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Engines:AllowedHosts:0"] = $"127.0.0.1:{_engine.BaseAddress.Port}",
        ["Engines:AllowedHosts:1"] = $"127.0.0.1:{_downPort}",
        ["Engines:MaxAnswerBytes"] = "1048576",
        ["Jobs:BaseRetryDelay"] = "00:00:00.100",
        ["Jobs:MaxRetryDelay"] = "00:00:00.400",
    };

    private string Allowed => $"http://127.0.0.1:{_engine.BaseAddress.Port}/selfhosted/v1";

    private int Requests => _engine.Requests.Count;

    protected override void ConfigureServices(IServiceCollection services) => _logs.AddTo(services);

    [SetUp]
    public void AnswerLikeAWorkingServer() => _engine.Answer = (request, http) => request.Path.EndsWith("/chat/completions", StringComparison.Ordinal)
        ? WireServer.Json(http, 200, ChatWire.Completion(ChatWire.DentistAndMilk))
        : WireServer.Json(http, 200, Transcript);

    [OneTimeTearDown]
    public async Task StopEngine() => await _engine.DisposeAsync();

    [Test]
    public async Task A_base_url_on_this_machine_or_a_private_network_is_refused_when_saved()
    {
        var account = await this.CreateAccountAsync("ssrf-save");
        using var client = this.ClientFor(account);
        string[] refused =
        [
            "http://127.0.0.1:55432/v1",
            "http://10.0.0.1/v1",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]:8000/v1",
            $"http://localhost:{_engine.BaseAddress.Port}/v1", // a name that resolves to this machine, not allow-listed as a name
            "http://[::ffff:127.0.0.1]:8000/v1",
            "http://[::ffff:169.254.169.254]/v1",
            "http://[fd00::1]/v1",
            "http://[fe80::1]/v1",
            "http://100.64.0.1/v1",
            "http://192.168.1.1/v1",
            "http://172.16.0.1/v1",
            "http://0.0.0.0:8000/v1",
            "http://0x7f000001/v1",
        ];

        foreach (var url in refused)
        {
            var response = await client.PutAsJsonAsync("/api/v1/me/api-keys/openai-compatible", new { apiKey = "owner-key-123", baseUrl = url });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), url);
            var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
            Assert.That(problem.GetProperty("errors").GetProperty("baseUrl")[0].GetString(), Is.EqualTo(OutboundGuard.RefusedAddressReason), url);
        }

        var unknown = await client.PutAsJsonAsync("/api/v1/me/api-keys/openai-compatible", new { apiKey = "owner-key-123", baseUrl = "http://no-such-host.invalid/v1" });
        var unresolved = await unknown.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(unresolved.GetProperty("errors").GetProperty("baseUrl")[0].GetString(), Is.EqualTo(OutboundGuard.UnresolvedReason), "the resolver's own words are not shown");

        var allowed = await client.PutAsJsonAsync("/api/v1/me/api-keys/openai-compatible", new { apiKey = "owner-key-123", baseUrl = Allowed });
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await allowed.Content.ReadAsStringAsync());
        Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM identity.api_keys WHERE owner_id = '{account.UserId}'"), Is.EqualTo(1), "only the allowed URL was stored");
    }

    [Test]
    public async Task At_call_time_a_name_that_now_resolves_to_this_machine_is_refused_and_nothing_is_sent()
    {
        var account = await this.CreateAccountAsync("ssrf-call");
        using var client = this.ClientFor(account);
        await StoreKeyAsync(client, Allowed);
        // What a DNS change (or a row written before the guard) amounts to: the stored name now leads to this machine.
        await SetBaseUrlAsync(account.UserId, $"http://localhost:{_engine.BaseAddress.Port}/selfhosted/v1");
        var before = Requests;

        var (_, item) = await client.UploadAsync(await SpeechSamples.DentistWavAsync(), "?engine=openai_compatible");
        var failed = await client.WaitUntilFinishedAsync(item.Id(), TimeSpan.FromMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("FAILED"), failed.ToString());
            Assert.That(failed.GetProperty("attempts").GetInt32(), Is.EqualTo(1), "a refused address does not change between attempts");
            Assert.That(failed.GetProperty("error").GetString(), Is.EqualTo(
                "transcribe: engine.address_refused: The 'openai-compatible' engine at localhost is on a loopback, private or link-local address, "
                + "which this server does not call; an operator can allow the host with Engines:AllowedHosts."));
            Assert.That(Requests, Is.EqualTo(before), "nothing reached the server");
        });

        // AUTO: the best engine that works. The offline engines stand in at once, and the recording says so.
        var reprocessed = await client.PostAsJsonAsync($"/api/v1/audio/{item.Id()}/process", new { engine = "auto" });
        Assert.That(reprocessed.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await reprocessed.Content.ReadAsStringAsync());
        var done = await client.WaitUntilFinishedAsync(item.Id(), TimeSpan.FromMinutes(2));

        Assert.Multiple(() =>
        {
            Assert.That(done.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), done.ToString());
            Assert.That(done.GetProperty("attempts").GetInt32(), Is.EqualTo(1));
            AssertFellBack(done.GetProperty("transcription"), "LOCAL", "OPENAI_COMPATIBLE", "ADDRESS_REFUSED");
            AssertFellBack(done.GetProperty("analysis"), "local-rules-1", "openai-chat:gpt-4o-mini", "ADDRESS_REFUSED");
            Assert.That(Requests, Is.EqualTo(before), "still nothing reached the server");
        });
    }

    [Test]
    public async Task An_allow_listed_server_on_this_machine_works_and_reprocessing_with_local_never_calls_it()
    {
        var account = await this.CreateAccountAsync("allowed");
        using var client = this.ClientFor(account);
        await StoreKeyAsync(client, Allowed);
        var before = Requests;

        var (_, item) = await client.UploadAsync(await SpeechSamples.DentistAsAsync("mp3"));
        var remote = await client.WaitUntilFinishedAsync(item.Id(), TimeSpan.FromMinutes(1));
        var calls = _engine.Requests.Skip(before).Select(r => r.Path).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(remote.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), remote.ToString());
            Assert.That(remote.GetProperty("transcription").GetProperty("engine").GetString(), Is.EqualTo("OPENAI_COMPATIBLE"));
            Assert.That(remote.GetProperty("transcription").GetProperty("fallback").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(remote.GetProperty("analysis").GetProperty("engine").GetString(), Is.EqualTo("openai-chat:gpt-4o-mini"));
            Assert.That(calls, Is.EqualTo(new[] { "/selfhosted/v1/audio/transcriptions", "/selfhosted/v1/chat/completions" }));
        });

        var afterRemote = Requests;
        var reprocessed = await client.PostAsJsonAsync($"/api/v1/audio/{item.Id()}/process", new { engine = "local" });
        Assert.That(reprocessed.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await reprocessed.Content.ReadAsStringAsync());
        var local = await client.WaitUntilFinishedAsync(item.Id(), TimeSpan.FromMinutes(2));
        var versions = (await client.GetJsonAsync($"/api/v1/audio/{item.Id()}/transcripts")).GetProperty("items");

        Assert.Multiple(() =>
        {
            Assert.That(local.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), local.ToString());
            Assert.That(local.GetProperty("engine").GetString(), Is.EqualTo("LOCAL"));
            Assert.That(local.GetProperty("transcription").GetProperty("engine").GetString(), Is.EqualTo("LOCAL"));
            Assert.That(local.GetProperty("analysis").GetProperty("engine").GetString(), Is.EqualTo("local-rules-1"), "LOCAL never spends the stored chat key");
            Assert.That(local.GetProperty("analysis").GetProperty("fallback").ValueKind, Is.EqualTo(JsonValueKind.Null), "chosen, not fallen back to");
            Assert.That(Requests, Is.EqualTo(afterRemote), "reprocessing with LOCAL never called the owner's server");
            Assert.That(versions.GetArrayLength(), Is.EqualTo(2));
            Assert.That(versions[0].GetProperty("engine").GetString(), Is.EqualTo("LOCAL"));
            Assert.That(versions[0].GetProperty("analysisEngine").GetString(), Is.EqualTo("local-rules-1"));
            Assert.That(versions[1].GetProperty("engine").GetString(), Is.EqualTo("OPENAI_COMPATIBLE"));
        });
    }

    [Test]
    public async Task On_auto_a_server_that_is_down_gives_way_to_the_offline_engines_after_the_retries()
    {
        var account = await this.CreateAccountAsync("down");
        using var client = this.ClientFor(account);
        await StoreKeyAsync(client, $"http://127.0.0.1:{_downPort}/v1");

        var (_, item) = await client.UploadAsync(await SpeechSamples.DentistAsAsync("flac"));
        var done = await client.WaitUntilFinishedAsync(item.Id(), TimeSpan.FromMinutes(2));
        var versions = (await client.GetJsonAsync($"/api/v1/audio/{item.Id()}/transcripts")).GetProperty("items");

        Assert.Multiple(() =>
        {
            Assert.That(done.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), done.ToString());
            Assert.That(done.GetProperty("attempts").GetInt32(), Is.EqualTo(5), "the owner's server had every attempt first");
            Assert.That(done.GetProperty("engine").GetString(), Is.EqualTo("AUTO"));
            AssertFellBack(done.GetProperty("transcription"), "LOCAL", "OPENAI_COMPATIBLE", "UNAVAILABLE");
            AssertFellBack(done.GetProperty("analysis"), "local-rules-1", "openai-chat:gpt-4o-mini", "UNAVAILABLE");
            Assert.That(versions[0].GetProperty("engine").GetString(), Is.EqualTo("LOCAL"));
            Assert.That(versions[0].GetProperty("text").GetString(), Does.Contain("dentist"), "the offline engine transcribed it");
            Assert.That(versions[0].GetProperty("fallback").GetProperty("from").GetString(), Is.EqualTo("OPENAI_COMPATIBLE"));
            Assert.That(versions[0].GetProperty("fallback").GetProperty("reason").GetString(), Is.EqualTo("UNAVAILABLE"));
            Assert.That(versions[0].GetProperty("analysisFallback").GetProperty("reason").GetString(), Is.EqualTo("UNAVAILABLE"));
        });
    }

    [Test]
    public async Task An_endless_answer_is_cut_at_the_limit_and_the_job_fails_cleanly()
    {
        var account = await this.CreateAccountAsync("endless");
        using var client = this.ClientFor(account);
        await StoreKeyAsync(client, Allowed);
        var hungUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _engine.Answer = (_, http) => WireServer.EndlessJson(http, hungUp);

        var (_, item) = await client.UploadAsync(await SpeechSamples.DentistAsAsync("ogg-vorbis"), "?engine=openai_compatible");
        var failed = await client.WaitUntilFinishedAsync(item.Id(), TimeSpan.FromMinutes(1));
        var live = await Client.GetAsync("/health/live");

        Assert.Multiple(() =>
        {
            Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("FAILED"), failed.ToString());
            Assert.That(failed.GetProperty("attempts").GetInt32(), Is.EqualTo(1));
            Assert.That(failed.GetProperty("error").GetString(), Is.EqualTo(
                "transcribe: engine.answer_too_large: The 'openai-compatible' engine at 127.0.0.1 answered with more than 1 MiB, the most this server reads; the answer was not used."));
            Assert.That(hungUp.Task.IsCompleted, Is.True, "the worker hung up instead of reading on");
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the API is alive");
        });
    }

    [Test]
    public async Task No_status_or_recording_holds_the_servers_words_a_path_or_a_socket_error()
    {
        var account = await this.CreateAccountAsync("quiet");
        using var client = this.ClientFor(account);
        await StoreKeyAsync(client, Allowed);
        _engine.Answer = (_, http) => WireServer.Json(http, 422, $$$"""{"error":{"message":"{{{Marker}}}: cannot open {{{ServerPath}}}","type":"invalid_request_error"}}""");

        var (_, refusedItem) = await client.UploadAsync(await SpeechSamples.DentistAsAsync("m4a-aac"), "?engine=openai_compatible");
        var refused = await client.WaitUntilFinishedAsync(refusedItem.Id(), TimeSpan.FromMinutes(1));
        Assert.That(refused.GetProperty("error").GetString(), Is.EqualTo("transcribe: engine.refused: The 'openai-compatible' engine at 127.0.0.1 refused the request (422)."));
        Assert.That(_logs.Containing(Marker), Is.Not.Empty, "the operator still reads the engine's words, in the log");
        Assert.That(_logs.Containing("owner-own-key-42"), Is.Empty, "never the owner's key");
        await AssertQuietAsync(client, refusedItem.Id());

        // A server that is not there, chosen explicitly: retried, then failed in the project's words.
        await StoreKeyAsync(client, $"http://127.0.0.1:{_downPort}/v1");
        var reprocessed = await client.PostAsJsonAsync($"/api/v1/audio/{refusedItem.Id()}/process", new { engine = "openai_compatible" });
        Assert.That(reprocessed.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await reprocessed.Content.ReadAsStringAsync());
        var down = await client.WaitUntilFinishedAsync(refusedItem.Id(), TimeSpan.FromMinutes(1));
        Assert.Multiple(() =>
        {
            Assert.That(down.GetProperty("status").GetString(), Is.EqualTo("FAILED"), down.ToString());
            Assert.That(down.GetProperty("attempts").GetInt32(), Is.EqualTo(5));
            Assert.That(down.GetProperty("error").GetString(), Is.EqualTo("transcribe: engine.unavailable: The 'openai-compatible' engine at 127.0.0.1 could not be reached."));
        });
        await AssertQuietAsync(client, refusedItem.Id());
    }

    private static void AssertFellBack(JsonElement use, string engine, string from, string reason)
    {
        Assert.That(use.GetProperty("engine").GetString(), Is.EqualTo(engine), use.ToString());
        Assert.That(use.GetProperty("fallback").GetProperty("from").GetString(), Is.EqualTo(from), use.ToString());
        Assert.That(use.GetProperty("fallback").GetProperty("reason").GetString(), Is.EqualTo(reason), use.ToString());
    }

    private static async Task AssertQuietAsync(HttpClient client, Guid audioId)
    {
        foreach (var url in new[] { $"/api/v1/audio/{audioId}/processing", $"/api/v1/audio/{audioId}" })
        {
            var text = await client.GetStringAsync(url);
            Assert.That(text, Does.Not.Contain(Marker).And.Not.Contain(ServerPath).And.Not.Contain("/var/").And.Not.Contain("/tmp/")
                .And.Not.Contain("refused (").And.Not.Contain("Connection refused").And.Not.Contain("Exception"), url);
        }
    }

    private static async Task StoreKeyAsync(HttpClient client, string baseUrl)
    {
        var stored = await client.PutAsJsonAsync("/api/v1/me/api-keys/openai-compatible", new { apiKey = "owner-own-key-42", baseUrl });
        Assert.That(stored.StatusCode, Is.EqualTo(HttpStatusCode.OK), await stored.Content.ReadAsStringAsync());
    }

    /// <summary>Changes a stored base URL behind the API's back, as a changed DNS answer would in effect.</summary>
    private async Task SetBaseUrlAsync(Guid owner, string baseUrl)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE identity.api_keys SET base_url = @url WHERE owner_id = @owner AND provider = 'OpenAiCompatible'", connection);
        command.Parameters.AddWithValue("url", baseUrl);
        command.Parameters.AddWithValue("owner", owner);
        Assert.That(await command.ExecuteNonQueryAsync(), Is.EqualTo(1));
    }
}
