using Microsoft.Extensions.Options;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;
using VoiceNote.Modules.AudioProcessing.Speech;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;
using VoiceNote.Modules.AudioProcessing.Speech.Remote;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;

/// <summary>
/// Picks the analyser for one owner's job: a language model with the owner's own key (OpenAI first,
/// then their OpenAI-compatible server, then Groq), else the local rules. Only that owner's keys are
/// read (the facade looks them up by owner id), so no job ever spends another user's key.
/// </summary>
internal sealed class TextAnalysers(IIdentityModule identity, ChatAnalyserFactory chats, LocalAnalyser local, IOptionsMonitor<ChatAnalysisOptions> options) : ITextAnalysers
{
    /// <summary>The order owners' keys are tried in: the most capable structured-output service first.</summary>
    public static readonly ApiKeyProvider[] Preference = [ApiKeyProvider.OpenAi, ApiKeyProvider.OpenAiCompatible, ApiKeyProvider.Groq];

    public async Task<ITextAnalyser> ForOwnerAsync(UserId ownerId, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.UseLanguageModel)
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

    public async Task<Result<ChosenAnalyser>> ForRunAsync(UserId ownerId, SpeechEngineChoice choice, CancellationToken cancellationToken)
    {
        ApiKeyProvider? provider = choice switch
        {
            SpeechEngineChoice.OpenAi => ApiKeyProvider.OpenAi,
            SpeechEngineChoice.Groq => ApiKeyProvider.Groq,
            SpeechEngineChoice.OpenAiCompatible => ApiKeyProvider.OpenAiCompatible,
            _ => null,
        };
        if (choice == SpeechEngineChoice.Local)
        {
            return new ChosenAnalyser(local, Explicit: true);
        }

        if (provider is not { } chosen)
        {
            return new ChosenAnalyser(await ForOwnerAsync(ownerId, cancellationToken), Explicit: false);
        }

        if (!options.CurrentValue.UseLanguageModel)
        {
            // The operator's switch wins over any owner's choice.
            return new ChosenAnalyser(local, Explicit: true);
        }

        return await identity.GetProviderCredentialAsync(ownerId, chosen, cancellationToken) is { } credential && chats.Create(credential) is { } chat
            ? new ChosenAnalyser(chat, Explicit: true)
            : EngineFailures.NoKey(RemoteEngineCatalog.For(choice).Name);
    }
}
