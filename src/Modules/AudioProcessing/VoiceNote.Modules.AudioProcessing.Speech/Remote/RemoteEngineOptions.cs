namespace VoiceNote.Modules.AudioProcessing.Speech.Remote;

/// <summary>
/// One remote engine's settings, a named options instance per engine (sections <c>Speech:OpenAi</c>,
/// <c>Speech:Groq</c>, <c>Speech:OpenAiCompatible</c>, <c>Speech:Deepgram</c>); defaults in <see cref="RemoteEngineCatalog"/>.
/// They are the operator's, the same for every owner: only the key (and an openai-compatible base URL) is the owner's.
/// </summary>
internal sealed class RemoteEngineOptions
{
    /// <summary>The API root the engine's path is appended to (ignored for openai-compatible: the owner's stored base URL wins).</summary>
    public string BaseUrl { get; set; } = string.Empty;

    public string Model { get; set; } = string.Empty;

    /// <summary>A language hint (ISO 639-1, e.g. <c>de</c>) sent to the engine; empty lets the engine detect it.</summary>
    public string? Language { get; set; }

    /// <summary>How long one call (upload, recognition, answer) may take before it counts as unavailable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest request body the engine accepts (its documented upload limit).</summary>
    public long MaxBytes { get; set; } = 25_000_000;

    /// <summary>The longest audio sent in one call.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The language the engine declares: the hint, else English (the product's default).</summary>
    public string DeclaredLanguage => string.IsNullOrWhiteSpace(Language) ? "en" : Language.Trim();
}
