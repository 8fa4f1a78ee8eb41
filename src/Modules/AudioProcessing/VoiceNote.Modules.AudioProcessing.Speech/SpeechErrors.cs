using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech;

/// <summary>Why an engine refused audio.</summary>
internal static class SpeechErrors
{
    public const string AudioTooLongCode = "speech.audio_too_long";

    public static Error AudioTooLong(SpeechEngineLimits limits, string engine) =>
        new(AudioTooLongCode, $"The audio is longer than the '{engine}' engine accepts in one call ({limits.MaxDuration:g}, {limits.MaxBytes} bytes of PCM); split it first.", ErrorKind.TooLarge);
}
