namespace VoiceNote.Modules.AudioProcessing.Speech;

/// <summary>Section <c>Speech</c>: the operator's default engine for uploads that name none.</summary>
internal sealed class SpeechOptions
{
    public const string Section = "Speech";

    public static readonly IReadOnlyList<string> DefaultEngines = ["AUTO", "LOCAL"];

    /// <summary>AUTO or LOCAL (ADR 0086); an upload that names an engine gets that engine either way.</summary>
    public string DefaultEngine { get; set; } = "AUTO";

    public bool KeepsAudioLocal => string.Equals(DefaultEngine, "LOCAL", StringComparison.OrdinalIgnoreCase);
}
