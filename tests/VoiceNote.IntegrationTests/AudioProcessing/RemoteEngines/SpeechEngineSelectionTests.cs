using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Domain.Primitives;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.AudioProcessing.Speech;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;

namespace VoiceNote.IntegrationTests.AudioProcessing.RemoteEngines;

/// <summary>
/// <see cref="ISpeechEngines"/> in the real host with the real Identity module: keys are stored through
/// <c>PUT /api/v1/me/api-keys/{provider}</c>, and the engine for a job follows the owner's keys only.
/// </summary>
public sealed class SpeechEngineSelectionTests : DatabaseFixture
{
    private static readonly SpeechEngineChoice[] RemoteChoices =
        [SpeechEngineChoice.Deepgram, SpeechEngineChoice.OpenAi, SpeechEngineChoice.Groq, SpeechEngineChoice.OpenAiCompatible];

    private readonly WireServer _wire = WireServer.StartAsync().GetAwaiter().GetResult();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Speech:Deepgram:BaseUrl"] = _wire.BaseAddress.ToString(),
        ["Speech:OpenAi:BaseUrl"] = _wire.BaseAddress + "v1",
        // The owners' self-hosted servers are the wire server on this machine (ADR 0065).
        ["Engines:AllowedHosts:0"] = "127.0.0.1",
    };

    [OneTimeTearDown]
    public async Task StopWire() => await _wire.DisposeAsync();

    [Test]
    public async Task Without_keys_auto_and_local_are_the_offline_engine_and_a_remote_choice_has_no_key()
    {
        var owner = await this.CreateAccountAsync("nokeys");

        Assert.That(await EngineFor(owner, SpeechEngineChoice.Auto), Is.EqualTo("local"));
        Assert.That(await EngineFor(owner, SpeechEngineChoice.Local), Is.EqualTo("local"));
        foreach (var choice in RemoteChoices)
        {
            Assert.That(await EngineFor(owner, choice), Is.EqualTo(EngineFailures.NoKeyCode), choice.ToString());
        }
    }

    [Test]
    public async Task Auto_prefers_deepgram_then_openai_then_groq_then_an_openai_compatible_server()
    {
        var owner = await this.CreateAccountAsync("collector");

        await StoreKeyAsync(owner, "openai-compatible", "local-whisper-key-1", _wire.BaseAddress + "selfhosted/v1");
        Assert.That(await EngineFor(owner, SpeechEngineChoice.Auto), Is.EqualTo("openai-compatible"));
        await StoreKeyAsync(owner, "groq", "gsk_groq-key-0001");
        Assert.That(await EngineFor(owner, SpeechEngineChoice.Auto), Is.EqualTo("groq"));
        await StoreKeyAsync(owner, "openai", "sk-openai-key-0001");
        Assert.That(await EngineFor(owner, SpeechEngineChoice.Auto), Is.EqualTo("openai"));
        await StoreKeyAsync(owner, "deepgram", "dg-deepgram-key-01");
        Assert.That(await EngineFor(owner, SpeechEngineChoice.Auto), Is.EqualTo("deepgram"));

        Assert.That(await EngineFor(owner, SpeechEngineChoice.OpenAi), Is.EqualTo("openai"));
        Assert.That(await EngineFor(owner, SpeechEngineChoice.Groq), Is.EqualTo("groq"));
        Assert.That(await EngineFor(owner, SpeechEngineChoice.OpenAiCompatible), Is.EqualTo("openai-compatible"));
        Assert.That(await EngineFor(owner, SpeechEngineChoice.Local), Is.EqualTo("local"), "local stays choosable with keys stored");
    }

    [Test]
    public async Task Another_users_keys_are_never_used()
    {
        var keyHolder = await this.CreateAccountAsync("holder");
        var other = await this.CreateAccountAsync("other");
        await StoreKeyAsync(keyHolder, "deepgram", "dg-holders-key-01");
        await StoreKeyAsync(keyHolder, "openai", "sk-holders-key-01");
        await StoreKeyAsync(keyHolder, "groq", "gsk_holders-key-1");
        await StoreKeyAsync(keyHolder, "openai-compatible", "holders-key-0001", _wire.BaseAddress + "selfhosted/v1");

        Assert.That(await EngineFor(other, SpeechEngineChoice.Auto), Is.EqualTo("local"));
        foreach (var choice in RemoteChoices)
        {
            Assert.That(await EngineFor(other, choice), Is.EqualTo(EngineFailures.NoKeyCode), choice.ToString());
        }
    }

    [Test]
    public async Task The_engine_calls_with_the_owners_own_stored_key_and_server()
    {
        var owner = await this.CreateAccountAsync("caller");
        await StoreKeyAsync(owner, "deepgram", "dg-owners-own-key-42");
        await StoreKeyAsync(owner, "openai-compatible", "owners-whisper-key-7", _wire.BaseAddress + "selfhosted/v1");
        _wire.Answer = (request, http) => WireServer.Json(http, 200, request.Path == "/v1/listen"
            ? """{"metadata":{"duration":0.5},"results":{"channels":[{"alternatives":[{"transcript":"","words":[]}]}]}}"""
            : """{"text":"","language":"english","duration":0.5,"words":[]}""");
        var pcm = Path.Combine(Path.GetTempPath(), $"vn-selection-{Guid.NewGuid():N}.pcm");
        await File.WriteAllBytesAsync(pcm, new byte[PcmFormat.BytesPerSecond / 2]);
        try
        {
            var auto = await RecognizeAsync(owner, SpeechEngineChoice.Auto, pcm);
            var selfHosted = await RecognizeAsync(owner, SpeechEngineChoice.OpenAiCompatible, pcm);

            var requests = _wire.Requests;
            Assert.Multiple(() =>
            {
                Assert.That(auto.Engine, Is.EqualTo("deepgram"));
                Assert.That(selfHosted.Engine, Is.EqualTo("openai-compatible"));
                Assert.That(requests[^2].Path, Is.EqualTo("/v1/listen"));
                Assert.That(requests[^2].Headers["Authorization"], Is.EqualTo("Token dg-owners-own-key-42"));
                Assert.That(requests[^1].Path, Is.EqualTo("/selfhosted/v1/audio/transcriptions"));
                Assert.That(requests[^1].Headers["Authorization"], Is.EqualTo("Bearer owners-whisper-key-7"));
            });
        }
        finally
        {
            File.Delete(pcm);
        }
    }

    private async Task StoreKeyAsync(TestAccount owner, string provider, string apiKey, string? baseUrl = null)
    {
        using var client = this.ClientFor(owner);
        var response = await client.PutAsJsonAsync($"/api/v1/me/api-keys/{provider}", new { apiKey, baseUrl });
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The chosen engine's name, or the error code.</summary>
    private async Task<string> EngineFor(TestAccount owner, SpeechEngineChoice choice)
    {
        await using var scope = CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISpeechEngines>().ForOwnerAsync(new UserId(owner.UserId), choice, CancellationToken.None);
        return result.IsSuccess ? result.Value.Engine : result.Error.Code;
    }

    private async Task<RecognizedSpeech> RecognizeAsync(TestAccount owner, SpeechEngineChoice choice, string pcm)
    {
        await using var scope = CreateScope();
        var engine = await scope.ServiceProvider.GetRequiredService<ISpeechEngines>().ForOwnerAsync(new UserId(owner.UserId), choice, CancellationToken.None);
        Assert.That(engine.IsSuccess, Is.True, () => engine.Error.Message);
        var speech = await engine.Value.RecognizeAsync(pcm);
        Assert.That(speech.IsSuccess, Is.True, () => speech.Error.Message);
        return speech.Value;
    }
}
