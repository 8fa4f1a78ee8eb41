using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech;

/// <summary>Why an upload cannot be used as audio. Codes are part of the API: never rename one.</summary>
internal static class MediaErrors
{
    public const string EmptyCode = "audio.empty";
    public const string NotAudioCode = "audio.not_audio";
    public const string TruncatedCode = "audio.truncated";
    public const string CorruptCode = "audio.corrupt";
    public const string TooLongCode = "audio.too_long";

    public static readonly Error Empty = Error.Unprocessable(EmptyCode, "The file is empty (0 bytes).");

    public static Error NotAudio(string reason) => new(NotAudioCode, reason, ErrorKind.UnsupportedMediaType);

    public static Error Truncated(string reason) => Error.Unprocessable(TruncatedCode, reason);

    public static Error Corrupt(string reason) => Error.Unprocessable(CorruptCode, reason);

    public static Error TooLong(TimeSpan max) =>
        Error.Unprocessable(TooLongCode, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The recording is longer than the limit of {max.TotalSeconds:0} seconds."));
}
