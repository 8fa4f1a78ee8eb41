using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceNote.Infrastructure.Outbound;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Speech.Remote;

/// <summary>
/// Builds a remote recogniser for one owner's credential, with the engine's options. A server the owner chose
/// (openai-compatible) is called through the guarded client; the operator's configured endpoints through the
/// operator's (ADR 0065).
/// </summary>
internal sealed class RemoteRecognizers(
    IHttpClientFactory clients, IOptionsMonitor<RemoteEngineOptions> options, IOptionsMonitor<OutboundOptions> outbound, TimeProvider clock, ILoggerFactory loggers)
{
    /// <summary>The recogniser, or null when the credential cannot be used (an openai-compatible key without a usable base URL).</summary>
    public ISpeechRecognizer? Create(RemoteEngine engine, ProviderCredential credential)
    {
        var settings = options.Get(engine.Name);
        // Only the openai-compatible engine takes its server from the owner; the others are the operator's to point elsewhere.
        var ownersServer = engine == RemoteEngineCatalog.OpenAiCompatible;
        var baseUrl = ownersServer ? credential.BaseUrl : settings.BaseUrl;
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var access = new EngineAccess(engine, root, credential.ApiKey, settings, outbound.CurrentValue.MaxAnswerBytes);
        var http = clients.For(userChosen: ownersServer);
        return engine == RemoteEngineCatalog.Deepgram
            ? new DeepgramRecognizer(access, http, clock, loggers.CreateLogger<DeepgramRecognizer>())
            : new OpenAiTranscriptionRecognizer(access, http, clock, loggers.CreateLogger<OpenAiTranscriptionRecognizer>());
    }
}
