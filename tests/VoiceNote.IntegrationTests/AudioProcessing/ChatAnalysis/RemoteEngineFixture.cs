using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.AudioProcessing.ChatAnalysis;

/// <summary>
/// A host whose one allowed remote engine is a local wire server answering like a working OpenAI-compatible server:
/// <see cref="RemoteTranscript"/> for transcriptions, the dentist-and-milk analysis for chat completions. Tests store
/// a user's key with <see cref="EngineBaseUrl"/> to send that user's runs there.
/// </summary>
public abstract class RemoteEngineFixture : DatabaseFixture
{
    /// <summary>Started before the host, whose settings name its port.</summary>
    private protected WireServer Engine { get; } = WireServer.StartAsync().GetAwaiter().GetResult();

    /// <summary>The base URL a stored OpenAI-compatible key names to reach <see cref="Engine"/>.</summary>
    protected string EngineBaseUrl => $"http://127.0.0.1:{Engine.BaseAddress.Port}/v1";

    /// <summary>The transcription the server answers, in the OpenAI verbose JSON wire format.</summary>
    protected abstract string RemoteTranscript { get; }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Engines:AllowedHosts:0"] = $"127.0.0.1:{Engine.BaseAddress.Port}",
    };

    [OneTimeSetUp]
    public void AnswerLikeAWorkingServer() => Engine.Answer = (request, http) => request.Path.EndsWith("/chat/completions", StringComparison.Ordinal)
        ? WireServer.Json(http, 200, ChatWire.Completion(ChatWire.DentistAndMilk))
        : WireServer.Json(http, 200, RemoteTranscript);

    [OneTimeTearDown]
    public async Task StopEngine() => await Engine.DisposeAsync();
}
