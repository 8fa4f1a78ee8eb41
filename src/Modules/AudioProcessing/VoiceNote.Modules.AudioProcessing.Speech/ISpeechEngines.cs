using System.Text.Json.Serialization;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech;

/// <summary>
/// Which engine a recording asks for. Auto takes the best one the owner has a key for, else the local one, and
/// falls back to the local one when that engine is down for the run; any other choice is used for every stage of
/// the run or the run fails (docs/decisions/0065).
/// </summary>
internal enum SpeechEngineChoice
{
    Auto = 0,
    Local,

    [JsonStringEnumMemberName("OPENAI")]
    OpenAi,
    Groq,

    [JsonStringEnumMemberName("OPENAI_COMPATIBLE")]
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

    /// <summary>The offline engine: what LOCAL means, and what an AUTO run falls back to when the owner's remote engine is down.</summary>
    ISpeechRecognizer Local { get; }
}

/// <summary>
/// The engine names clients use: AUTO, LOCAL, OPENAI, GROQ, OPENAI_COMPATIBLE, DEEPGRAM (ADR 0061), read
/// in any case and with '-' for '_', so the earlier "openai-compatible" still works.
/// </summary>
internal static class SpeechEngineNames
{
    private static readonly Dictionary<string, SpeechEngineChoice> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AUTO"] = SpeechEngineChoice.Auto,
        ["LOCAL"] = SpeechEngineChoice.Local,
        ["OPENAI"] = SpeechEngineChoice.OpenAi,
        ["GROQ"] = SpeechEngineChoice.Groq,
        ["OPENAI_COMPATIBLE"] = SpeechEngineChoice.OpenAiCompatible,
        ["DEEPGRAM"] = SpeechEngineChoice.Deepgram,
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

        return ByName.TryGetValue(name.Trim().Replace('-', '_'), out choice);
    }

    /// <summary>A recording's stored choice (the member's C# name, "OpenAiCompatible"); auto for anything else.</summary>
    public static SpeechEngineChoice OfStored(string stored) =>
        Enum.TryParse<SpeechEngineChoice>(stored, ignoreCase: true, out var choice) && Enum.IsDefined(choice) ? choice : SpeechEngineChoice.Auto;
}
