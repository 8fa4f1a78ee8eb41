using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech;

/// <summary>Which recogniser a recording asks for. Auto takes the best one the owner has a key for, else the local one.</summary>
internal enum SpeechEngineChoice
{
    Auto = 0,
    Local,
    OpenAi,
    Groq,
    OpenAiCompatible,
    Deepgram,
}

/// <summary>Finds the recogniser for one owner's job, with that owner's key when it is a remote one.</summary>
internal interface ISpeechEngines
{
    /// <summary>
    /// The recogniser for <paramref name="choice"/>; an error (code <c>engine.no_key</c>) when a remote
    /// engine was chosen explicitly and the owner stored no key for it.
    /// </summary>
    Task<Result<ISpeechRecognizer>> ForOwnerAsync(UserId ownerId, SpeechEngineChoice choice, CancellationToken cancellationToken);
}

/// <summary>The engine names clients use (<c>auto</c>, <c>local</c>, <c>openai</c>, <c>groq</c>, <c>openai-compatible</c>, <c>deepgram</c>).</summary>
internal static class SpeechEngineNames
{
    private static readonly Dictionary<string, SpeechEngineChoice> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["auto"] = SpeechEngineChoice.Auto,
        ["local"] = SpeechEngineChoice.Local,
        ["openai"] = SpeechEngineChoice.OpenAi,
        ["groq"] = SpeechEngineChoice.Groq,
        ["openai-compatible"] = SpeechEngineChoice.OpenAiCompatible,
        ["deepgram"] = SpeechEngineChoice.Deepgram,
    };

    public static string All => string.Join(", ", ByName.Keys);

    /// <summary>Null or blank means auto; an unknown name is false.</summary>
    public static bool TryParse(string? name, out SpeechEngineChoice choice)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            choice = SpeechEngineChoice.Auto;
            return true;
        }

        return ByName.TryGetValue(name.Trim(), out choice);
    }
}
