using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Speech.Remote;

/// <summary>Builds a remote recogniser for one owner's credential, on the engine's named HttpClient and options.</summary>
internal sealed class RemoteRecognizers(IHttpClientFactory clients, IOptionsMonitor<RemoteEngineOptions> options, TimeProvider clock, ILoggerFactory loggers)
{
    /// <summary>The recogniser, or null when the credential cannot be used (an openai-compatible key without a usable base URL).</summary>
    public ISpeechRecognizer? Create(RemoteEngine engine, ProviderCredential credential)
    {
        var settings = options.Get(engine.Name);
        // Only the openai-compatible engine takes its server from the owner; the others are the operator's to point elsewhere.
        var baseUrl = engine == RemoteEngineCatalog.OpenAiCompatible ? credential.BaseUrl : settings.BaseUrl;
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var access = new EngineAccess(engine, root, credential.ApiKey, settings);
        var http = clients.CreateClient(engine.ClientName);
        return engine == RemoteEngineCatalog.Deepgram
            ? new DeepgramRecognizer(access, http, clock, loggers.CreateLogger<DeepgramRecognizer>())
            : new OpenAiTranscriptionRecognizer(access, http, clock, loggers.CreateLogger<OpenAiTranscriptionRecognizer>());
    }
}
