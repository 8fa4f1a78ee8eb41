using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Identity.Application.ApiKeys;

/// <summary>The providers' names in URLs and JSON: lower-case only, so each key has one URL.</summary>
internal static class ApiKeyProviderNames
{
    private static readonly (ApiKeyProvider Provider, string Name)[] Names =
    [
        (ApiKeyProvider.OpenAi, "openai"),
        (ApiKeyProvider.Deepgram, "deepgram"),
        (ApiKeyProvider.Groq, "groq"),
        (ApiKeyProvider.ElevenLabs, "elevenlabs"),
        (ApiKeyProvider.OpenAiCompatible, "openai-compatible"),
    ];

    public static string Of(ApiKeyProvider provider) => Names.First(n => n.Provider == provider).Name;

    public static bool TryParse(string? name, out ApiKeyProvider provider)
    {
        foreach (var (candidate, candidateName) in Names)
        {
            if (string.Equals(candidateName, name, StringComparison.Ordinal))
            {
                provider = candidate;
                return true;
            }
        }

        provider = default;
        return false;
    }
}
