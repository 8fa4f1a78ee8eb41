using Microsoft.Extensions.Options;
using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;

/// <summary>
/// Picks the analyser for one owner's job: a language model with the owner's own key (OpenAI first,
/// then their OpenAI-compatible server, then Groq), else the local rules. Only that owner's keys are
/// read (the facade looks them up by owner id), so no job ever spends another user's key.
/// </summary>
internal sealed class TextAnalysers(IIdentityModule identity, ChatAnalyserFactory chats, LocalAnalyser local, IOptions<ChatAnalysisOptions> options) : ITextAnalysers
{
    /// <summary>The order owners' keys are tried in: the most capable structured-output service first.</summary>
    public static readonly ApiKeyProvider[] Preference = [ApiKeyProvider.OpenAi, ApiKeyProvider.OpenAiCompatible, ApiKeyProvider.Groq];

    public async Task<ITextAnalyser> ForOwnerAsync(UserId ownerId, CancellationToken cancellationToken)
    {
        if (!options.Value.UseLanguageModel)
        {
            return local;
        }

        foreach (var provider in Preference)
        {
            if (await identity.GetProviderCredentialAsync(ownerId, provider, cancellationToken) is { } credential
                && chats.Create(credential) is { } chat)
            {
                return chat;
            }
        }

        return local;
    }
}
