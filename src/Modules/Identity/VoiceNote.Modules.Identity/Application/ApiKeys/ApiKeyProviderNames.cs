using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Identity.Application.ApiKeys;

/// <summary>
/// The providers' names in URLs and JSON (ADR 0061): OPENAI, DEEPGRAM, GROQ, ELEVENLABS, OPENAI_COMPATIBLE,
/// read in any case and with '-' for '_', so the earlier "openai-compatible" URL still works.
/// </summary>
internal static class ApiKeyProviderNames
{
    public static string Of(ApiKeyProvider provider) => ApiEnum<ApiKeyProvider>.NameOf(provider);

    public static bool TryParse(string? name, out ApiKeyProvider provider) => ApiEnum<ApiKeyProvider>.TryParse(name, out provider);
}
