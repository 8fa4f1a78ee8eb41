namespace VoiceNote.Modules.AudioProcessing.Speech.Media;

internal static class FfmpegArguments
{
    /// <summary>
    /// A path as an ffmpeg input or output: absolute and behind the <c>file:</c> protocol, so a name that
    /// starts with '-' or contains ':' is never read as an option or another protocol.
    /// </summary>
    public static string Input(string path) => "file:" + Path.GetFullPath(path);

    public static string Output(string path) => Input(path);
}
