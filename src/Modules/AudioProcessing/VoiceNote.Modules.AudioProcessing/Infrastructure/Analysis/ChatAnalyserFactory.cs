using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;

/// <summary>Builds the chat analyser for one owner's credential: the provider's configured endpoint, the owner's key.</summary>
internal sealed class ChatAnalyserFactory(IHttpClientFactory clients, IOptions<ChatAnalysisOptions> options, TimeProvider clock, ILoggerFactory loggers)
{
    public const string HttpClientName = "analysis-chat";

    /// <summary>Null when the credential cannot be used (no key, or a compatible server without a usable base URL).</summary>
    public ITextAnalyser? Create(ProviderCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var settings = options.Value;
        var provider = credential.Provider switch
        {
            ApiKeyProvider.OpenAi => settings.OpenAi,
            ApiKeyProvider.Groq => settings.Groq,
            ApiKeyProvider.OpenAiCompatible => settings.OpenAiCompatible,
            _ => null,
        };
        // Only a compatible server's address is the owner's choice; OpenAI and Groq go where the operator configured.
        var baseUrl = credential.Provider == ApiKeyProvider.OpenAiCompatible ? credential.BaseUrl : provider?.BaseUrl;
        if (provider is null || string.IsNullOrWhiteSpace(credential.ApiKey)
            || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var target = new ChatTarget(uri, provider.Model, provider.Timeout, credential.ApiKey);
        return new OpenAiChatAnalyser(clients.CreateClient(HttpClientName), target, clock, loggers.CreateLogger<OpenAiChatAnalyser>());
    }
}
