using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Speech.Remote;

/// <summary>One remote engine: its stable name, where its settings live, whose key it takes, and its defaults.</summary>
internal sealed record RemoteEngine(string Name, SpeechEngineChoice Choice, ApiKeyProvider Provider, string Section, Action<RemoteEngineOptions> Defaults);

/// <summary>The remote engines, in the order Auto prefers them (best recognition first, ADR 0041).</summary>
internal static class RemoteEngineCatalog
{
    /// <summary>Body bytes a call needs beyond the PCM itself (WAV header, multipart fields); kept off the declared limit.</summary>
    public const long RequestOverheadBytes = 16 * 1024;

    public static readonly RemoteEngine Deepgram = new("deepgram", SpeechEngineChoice.Deepgram, ApiKeyProvider.Deepgram, "Speech:Deepgram", o =>
    {
        o.BaseUrl = "https://api.deepgram.com";
        o.Model = "nova-2";
        // Deepgram takes files up to 2 GB; two hours keeps one call's wait bounded and rarely chunks a note.
        o.MaxBytes = 2_000_000_000;
        o.MaxDuration = TimeSpan.FromHours(2);
        o.Timeout = TimeSpan.FromMinutes(10);
    });

    public static readonly RemoteEngine OpenAi = new("openai", SpeechEngineChoice.OpenAi, ApiKeyProvider.OpenAi, "Speech:OpenAi", o =>
    {
        o.BaseUrl = "https://api.openai.com/v1";
        o.Model = "whisper-1";
    });

    public static readonly RemoteEngine Groq = new("groq", SpeechEngineChoice.Groq, ApiKeyProvider.Groq, "Speech:Groq", o =>
    {
        o.BaseUrl = "https://api.groq.com/openai/v1";
        o.Model = "whisper-large-v3";
    });

    public static readonly RemoteEngine OpenAiCompatible = new("openai-compatible", SpeechEngineChoice.OpenAiCompatible, ApiKeyProvider.OpenAiCompatible, "Speech:OpenAiCompatible", o =>
    {
        // Self-hosted servers (Speaches, LocalAI) map this name or are configured with their own model.
        o.Model = "whisper-1";
    });

    public static IReadOnlyList<RemoteEngine> All { get; } = [Deepgram, OpenAi, Groq, OpenAiCompatible];

    public static RemoteEngine For(SpeechEngineChoice choice) =>
        All.FirstOrDefault(e => e.Choice == choice) ?? throw new ArgumentOutOfRangeException(nameof(choice), choice, "Not a remote engine.");

    /// <summary>What one call may carry: the options' limits less the request's own overhead.</summary>
    public static SpeechEngineLimits LimitsOf(RemoteEngineOptions options) =>
        new(options.MaxDuration, Math.Max(PcmFormat.BytesPerSecond, options.MaxBytes - RequestOverheadBytes));
}
