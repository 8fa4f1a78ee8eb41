namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;

/// <summary>Bound from the "Analysis" section: which language models analyse notes, and whether any do.</summary>
internal sealed class ChatAnalysisOptions
{
    public const string Section = "Analysis";

    /// <summary>False forces the local rules for everyone, whatever keys owners stored (an operator's switch).</summary>
    public bool UseLanguageModel { get; set; } = true;

    public ChatProviderOptions OpenAi { get; set; } = new() { BaseUrl = "https://api.openai.com/v1", Model = "gpt-4o-mini" };

    public ChatProviderOptions Groq { get; set; } = new() { BaseUrl = "https://api.groq.com/openai/v1", Model = "llama-3.1-8b-instant" };

    /// <summary>The base URL comes from the owner's stored credential; set the model your server serves.</summary>
    public ChatProviderOptions OpenAiCompatible { get; set; } = new() { Model = "gpt-4o-mini" };
}

/// <summary>One provider's endpoint: base URL (ending before <c>/chat/completions</c>), model and the longest wait for an answer.</summary>
internal sealed class ChatProviderOptions
{
    public string? BaseUrl { get; set; }

    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>A whole analysis takes a model several seconds; a minute leaves room for long notes and busy servers.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
