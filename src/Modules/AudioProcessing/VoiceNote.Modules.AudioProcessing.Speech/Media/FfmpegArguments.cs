namespace VoiceNote.Modules.AudioProcessing.Speech.Media;

internal static class FfmpegArguments
{
    /// <summary>
    /// A path as an ffmpeg input or output: absolute and behind the <c>file:</c> protocol, so a name that
    /// starts with '-' or contains ':' is never read as an option or another protocol.
    /// </summary>
    public static string Input(string path) => "file:" + Path.GetFullPath(path);

    public static string Output(string path) => Input(path);

    /// <summary>
    /// Reads one upload with the demuxer the sniffer decided and nothing else: no format guessing (a
    /// playlist behind an ID3 tag is not opened as HLS) and only local files, so no input can make the
    /// tool open another protocol or a URL. <paramref name="alsoPipe"/> allows <c>pipe:</c> for a tool's report.
    /// </summary>
    public static string[] ReadOnly(string path, string demuxer, bool alsoPipe = false) =>
        ["-protocol_whitelist", alsoPipe ? "file,pipe" : "file", "-f", demuxer, "-i", Input(path)];

    /// <summary>
    /// ffmpeg's demuxer for a sniffed container, or null when the sniffer did not name an audio container.
    /// WebM is Matroska; MP4, M4A, 3GP and QuickTime share one demuxer; MPEG layers I–III share another.
    /// </summary>
    public static string? DemuxerOf(string sniffedFormat) => sniffedFormat switch
    {
        "webm" or "matroska" => "matroska",
        "ogg" => "ogg",
        "wav" => "wav",
        "flac" => "flac",
        "mp3" or "mp2" => "mp3",
        "aac" => "aac",
        "m4a" or "mp4" or "3gp" or "mov" => "mov",
        "amr" => "amr",
        "caf" => "caf",
        _ => null,
    };
}
