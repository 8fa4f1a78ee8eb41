using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceNote.Infrastructure.Outbound;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;

/// <summary>
/// Builds the chat analyser for one owner's credential: the provider's configured endpoint, the owner's key. A
/// compatible server the owner chose is called through the guarded client, the operator's endpoints through the
/// operator's (ADR 0065).
/// </summary>
internal sealed class ChatAnalyserFactory(
    IHttpClientFactory clients, IOptionsMonitor<ChatAnalysisOptions> options, IOptionsMonitor<OutboundOptions> outbound, TimeProvider clock, ILoggerFactory loggers)
{
    /// <summary>Null when the credential cannot be used (no key, or a compatible server without a usable base URL).</summary>
    public ITextAnalyser? Create(ProviderCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var settings = options.CurrentValue;
        var provider = credential.Provider switch
        {
            ApiKeyProvider.OpenAi => settings.OpenAi,
            ApiKeyProvider.Groq => settings.Groq,
            ApiKeyProvider.OpenAiCompatible => settings.OpenAiCompatible,
            _ => null,
        };
        // Only a compatible server's address is the owner's choice; OpenAI and Groq go where the operator configured.
        var ownersServer = credential.Provider == ApiKeyProvider.OpenAiCompatible;
        var baseUrl = ownersServer ? credential.BaseUrl : provider?.BaseUrl;
        if (provider is null || string.IsNullOrWhiteSpace(credential.ApiKey)
            || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var target = new ChatTarget(uri, provider.Model, provider.Timeout, credential.ApiKey, Math.Min(AnalysisServices.MaxAnswerBytes, outbound.CurrentValue.MaxAnswerBytes));
        return new OpenAiChatAnalyser(clients.For(userChosen: ownersServer), target, clock, loggers.CreateLogger<OpenAiChatAnalyser>());
    }
}
