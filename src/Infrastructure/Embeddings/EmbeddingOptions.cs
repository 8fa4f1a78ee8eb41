namespace VoiceNote.Infrastructure.Embeddings;

/// <summary>Bound from the "Embeddings" section.</summary>
public sealed class EmbeddingOptions
{
    public const string Section = "Embeddings";

    /// <summary>"local" (default: the bundled sentence model, no network) or "openai" (any OpenAI-compatible /v1/embeddings).</summary>
    public string Provider { get; set; } = "local";

    /// <summary>The OpenAI-compatible server; a user's stored base URL overrides it for their own notes.</summary>
    public string BaseUrl { get; set; } = "https://api.openai.com";

    public string Model { get; set; } = "text-embedding-3-small";

    /// <summary>The remote model's vector length (sent as "dimensions"; every answer must have it).</summary>
    public int Dimensions { get; set; } = 1536;

    /// <summary>The operator's key, used when the owner has none stored.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Tries per request, counting the first; 429 and 5xx are retried.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The longest wait between tries (a larger Retry-After fails fast instead).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public LocalEmbeddingOptions Local { get; set; } = new();
}

/// <summary>The local sentence model's queue ("Embeddings:Local"): docs/decisions/0073.</summary>
public sealed class LocalEmbeddingOptions
{
    /// <summary>Requests waiting for the model at most; a caller waits for room up to <see cref="QueueWait"/>.</summary>
    public int QueueCapacity { get; set; } = 64;

    public TimeSpan QueueWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Texts encoded in one model run.</summary>
    public int BatchSize { get; set; } = 16;
}
