using System.Text.RegularExpressions;

namespace VoiceNote.Modules.AudioProcessing.Speech.Remote;

/// <summary>
/// Engines name the detected language differently (Whisper's verbose_json: <c>english</c>; Deepgram:
/// <c>en</c>); transcripts keep BCP 47. A name outside this table falls back to the engine's declared language.
/// </summary>
internal static partial class LanguageNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["english"] = "en", ["german"] = "de", ["french"] = "fr", ["spanish"] = "es", ["italian"] = "it",
        ["portuguese"] = "pt", ["dutch"] = "nl", ["russian"] = "ru", ["ukrainian"] = "uk", ["polish"] = "pl",
        ["czech"] = "cs", ["swedish"] = "sv", ["danish"] = "da", ["norwegian"] = "no", ["finnish"] = "fi",
        ["greek"] = "el", ["turkish"] = "tr", ["arabic"] = "ar", ["hebrew"] = "he", ["hindi"] = "hi",
        ["chinese"] = "zh", ["japanese"] = "ja", ["korean"] = "ko", ["vietnamese"] = "vi", ["indonesian"] = "id",
        ["romanian"] = "ro", ["hungarian"] = "hu", ["catalan"] = "ca", ["persian"] = "fa", ["thai"] = "th",
    };

    /// <summary><paramref name="reported"/> as a BCP 47 tag: kept when it already is one, mapped when it is a known name.</summary>
    public static string ToBcp47(string? reported, string fallback)
    {
        var value = reported?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (Names.TryGetValue(value, out var tag))
        {
            return tag;
        }

        return Tag().IsMatch(value) ? value : fallback;
    }

    /// <summary>A two- or three-letter primary language with optional subtags (en, en-US, zh-Hans, yue).</summary>
    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex Tag();
}
