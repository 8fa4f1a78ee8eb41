namespace VoiceNote.Modules.AudioProcessing.Application.Library.DownloadAudio;

/// <summary>The media type a stored recording is served with, by its format; shared by the download and its API description.</summary>
internal static class AudioContentTypes
{
    private const string Unknown = "application/octet-stream";

    private static readonly Dictionary<string, string> ByFormat = new(StringComparer.Ordinal)
    {
        ["webm"] = "audio/webm",
        ["ogg"] = "audio/ogg",
        ["m4a"] = "audio/mp4",
        ["mp4"] = "audio/mp4",
        ["mp3"] = "audio/mpeg",
        ["aac"] = "audio/aac",
        ["wav"] = "audio/wav",
        ["flac"] = "audio/flac",
        ["amr"] = "audio/amr",
        ["caf"] = "audio/x-caf",
    };

    /// <summary>Every type a download can carry, the first one first (Produces takes one and then the rest).</summary>
    public static readonly string[] All = [.. ByFormat.Values.Distinct(StringComparer.Ordinal), Unknown];

    public static string Of(string format) => ByFormat.GetValueOrDefault(format, Unknown);
}
