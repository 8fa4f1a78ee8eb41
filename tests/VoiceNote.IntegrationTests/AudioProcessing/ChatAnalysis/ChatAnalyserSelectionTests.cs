using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Domain.Primitives;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.IntegrationTests.AudioProcessing.ChatAnalysis;

/// <summary>
/// Which analyser a job gets, with real accounts, keys stored through the API and the real Identity
/// facade: OpenAI, then an OpenAI-compatible server, then Groq, else the local rules; always the
/// owner's own key, steered by the owner's own profile, and no key in any log line.
/// </summary>
public sealed class ChatAnalyserSelectionTests : DatabaseFixture
{
    private const string Transcript = "call the dentist tomorrow at five pm and buy milk";
    private static readonly DateTimeOffset Recorded = new(2026, 11, 20, 13, 0, 0, TimeSpan.Zero);
    private readonly CapturedLogs _logs = new();
    private WireServer _wire = null!;

    // The owner's compatible server is the wire server on this machine (ADR 0065).
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Engines:AllowedHosts:0"] = "127.0.0.1" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        _logs.AddTo(services);
        // The wire server starts after the host (base set-up runs first); options are read on first use, by then it listens.
        services.PostConfigure<ChatAnalysisOptions>(options =>
        {
            options.OpenAi.BaseUrl = Url("openai/v1");
            options.Groq.BaseUrl = Url("groq/openai/v1");
            options.OpenAiCompatible.Model = "llama3.1:8b";
        });
    }

    [OneTimeSetUp]
    public async Task StartWire()
    {
        _wire = await WireServer.StartAsync();
        _wire.Answer = ChatWire.Answering(ChatWire.DentistAndMilk);
    }

    [OneTimeTearDown]
    public async Task StopWire() => await _wire.DisposeAsync();

    [Test]
    public async Task An_owner_without_a_language_model_key_gets_the_local_rules()
    {
        var owner = await this.CreateAccountAsync("nokeys");
        using var client = this.ClientFor(owner);
        await StoreKeyAsync(client, "deepgram", Secret("dg"));
        await StoreKeyAsync(client, "elevenlabs", Secret("el"));

        Assert.That(await AnalyserForAsync(owner), Is.InstanceOf<LocalAnalyser>());
    }

    [Test]
    public async Task OpenAi_comes_first_then_the_owners_compatible_server_then_Groq()
    {
        var owner = await this.CreateAccountAsync("prefers");
        using var client = this.ClientFor(owner);
        var groq = Secret("gsk");
        var compatible = Secret("local");
        var openAi = Secret("sk");

        await StoreKeyAsync(client, "groq", groq);
        await AssertChosenAsync(owner, "openai-chat:llama-3.1-8b-instant", "/groq/openai/v1/chat/completions", groq, "llama-3.1-8b-instant");

        await StoreKeyAsync(client, "openai-compatible", compatible, Url("compat/v1"));
        await AssertChosenAsync(owner, "openai-chat:llama3.1:8b", "/compat/v1/chat/completions", compatible, "llama3.1:8b");

        await StoreKeyAsync(client, "openai", openAi);
        await AssertChosenAsync(owner, "openai-chat:gpt-4o-mini", "/openai/v1/chat/completions", openAi, "gpt-4o-mini");

        Assert.That((await client.DeleteAsync("/api/v1/me/api-keys/openai")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await AssertChosenAsync(owner, "openai-chat:llama3.1:8b", "/compat/v1/chat/completions", compatible, "llama3.1:8b");
        AssertNotLogged(groq, compatible, openAi);
    }

    [Test]
    public async Task The_owners_profile_steers_the_model_and_only_the_owners_key_is_spent()
    {
        var alice = await this.CreateAccountAsync("alice");
        var bob = await this.CreateAccountAsync("bob");
        using var aliceClient = this.ClientFor(alice);
        using var bobClient = this.ClientFor(bob);
        var aliceKey = Secret("sk-alice");
        await StoreKeyAsync(aliceClient, "openai", aliceKey);
        var profile = await aliceClient.PutAsJsonAsync("/api/v1/me/profile", new JsonObject
        {
            ["primaryRole"] = "PSYCHOLOGIST",
            ["secondaryRole"] = null,
            ["customRoleDescription"] = null,
            ["systemPrompt"] = "Never write client names in summaries.",
            ["jargon"] = new JsonArray("CBT", "SOAP note"),
            ["workStartHour"] = 10,
            ["workEndHour"] = 19,
            ["workDays"] = new JsonArray(2, 3, 4, 5),
            ["timeZone"] = "Asia/Tokyo",
            ["showFloatingButton"] = true,
            ["preferredLanguage"] = "en",
            ["summaryQuality"] = "balanced",
            ["settings"] = new JsonObject(),
        });
        Assert.That(profile.StatusCode, Is.EqualTo(HttpStatusCode.OK), await profile.Content.ReadAsStringAsync());

        // Bob has no key of his own: Alice's is never borrowed.
        Assert.That(await AnalyserForAsync(bob), Is.InstanceOf<LocalAnalyser>());

        var before = _wire.Requests.Count;
        var analysis = await (await AnalyserForAsync(alice)).AnalyseAsync(await InputForAsync(alice));
        var sent = _wire.Requests.Skip(before).Single();
        var system = ChatWire.SystemMessage(sent);
        Assert.Multiple(() =>
        {
            Assert.That(analysis.IsSuccess, Is.True, analysis.IsFailure ? analysis.Error.Message : null);
            Assert.That(sent.Headers["Authorization"], Is.EqualTo("Bearer " + aliceKey));
            Assert.That(system, Does.Contain("role is PSYCHOLOGIST"));
            Assert.That(system, Does.Contain("Never write client names in summaries."));
            Assert.That(system, Does.Contain("CBT, SOAP note"));
            Assert.That(system, Does.Contain("Recorded at 2026-11-20T22:00:00+09:00 (Friday) in the owner's time zone Asia/Tokyo."));
            Assert.That(system, Does.Contain("10:00-19:00 on Monday, Tuesday, Wednesday, Thursday."));
            Assert.That(ChatWire.UserMessage(sent), Does.Contain(Transcript));
        });

        // Bob brings his own Groq key: his job spends his key, and only his.
        var bobKey = Secret("gsk-bob");
        await StoreKeyAsync(bobClient, "groq", bobKey);
        before = _wire.Requests.Count;
        Assert.That((await (await AnalyserForAsync(bob)).AnalyseAsync(await InputForAsync(bob))).IsSuccess, Is.True);
        Assert.That(_wire.Requests.Skip(before).Select(r => r.Headers["Authorization"]), Is.EqualTo(new[] { "Bearer " + bobKey }));

        Assert.That(_logs.Containing("Chat analysis by openai-chat:gpt-4o-mini answered 200"), Is.Not.Empty, "the analyser's own log lines were captured");
        AssertNotLogged(aliceKey, bobKey);
    }

    private async Task AssertChosenAsync(TestAccount owner, string engine, string path, string key, string model)
    {
        var analyser = await AnalyserForAsync(owner);
        Assert.That(analyser.Engine, Is.EqualTo(engine));
        var before = _wire.Requests.Count;
        var result = await analyser.AnalyseAsync(await InputForAsync(owner));
        var sent = _wire.Requests.Skip(before).Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True, result.IsFailure ? result.Error.Message : null);
            Assert.That(result.Value.Engine, Is.EqualTo(engine));
            Assert.That(sent.Path, Is.EqualTo(path));
            Assert.That(sent.Headers["Authorization"], Is.EqualTo("Bearer " + key));
            Assert.That(ChatWire.Body(sent)["model"]!.GetValue<string>(), Is.EqualTo(model));
        });
    }

    private async Task<ITextAnalyser> AnalyserForAsync(TestAccount owner)
    {
        await using var scope = CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ITextAnalysers>().ForOwnerAsync(new UserId(owner.UserId), CancellationToken.None);
    }

    /// <summary>The input the pipeline builds for an owner's recording: their context from the Identity facade.</summary>
    private async Task<AnalysisInput> InputForAsync(TestAccount owner)
    {
        await using var scope = CreateScope();
        var context = await scope.ServiceProvider.GetRequiredService<IIdentityModule>().GetUserContextAsync(new UserId(owner.UserId), CancellationToken.None);
        Assert.That(context, Is.Not.Null);
        return AnalysisInput.OfTranscript(Transcript, null, Recorded, context!.PreferredLanguage, OwnerContexts.Of(context!));
    }

    private static async Task StoreKeyAsync(HttpClient client, string provider, string key, string? baseUrl = null)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/me/api-keys/{provider}", new { apiKey = key, baseUrl });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private void AssertNotLogged(params string[] keys)
    {
        Assert.That(_logs.Lines, Is.Not.Empty, "log lines were captured");
        foreach (var key in keys)
        {
            Assert.That(_logs.Containing(key), Is.Empty, "a log line carried a key");
        }
    }

    private string Url(string path) => new Uri(_wire.BaseAddress, path).ToString();

    /// <summary>A distinctive key nobody else in the run uses, so finding it anywhere means it leaked.</summary>
    private static string Secret(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
