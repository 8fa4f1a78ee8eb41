using VoiceNote.Domain.Primitives;

namespace VoiceNote.Application.Embeddings;

/// <summary>
/// Turns text into a vector for search by meaning. Vectors of different models are not comparable:
/// store <see cref="Model"/> with every vector and compare only vectors of the same model.
/// </summary>
public interface IEmbeddingGenerator
{
    /// <summary>A stable name of the model and its settings, e.g. "local/all-MiniLM-L6-v2" or "openai/text-embedding-3-small".</summary>
    string Model { get; }

    /// <summary>The length of every vector this generator returns (384 for the local model, 1536 by default for a remote one); vectors are stored with it.</summary>
    int Dimensions { get; }

    /// <summary>
    /// The vector of <paramref name="text"/>, L2-normalised. <paramref name="owner"/> is whose key a
    /// remote adapter may use (their own stored key first); null for text that belongs to nobody.
    /// </summary>
    /// <exception cref="EmbeddingUnavailableException">the provider refused or failed (rate limited, down, no key)</exception>
    Task<float[]> GenerateAsync(string text, UserId? owner, CancellationToken cancellationToken);

    /// <summary>The vectors of several texts (a note's passages), in order; a model that can batches them.</summary>
    async Task<IReadOnlyList<float[]>> GenerateManyAsync(IReadOnlyList<string> texts, UserId? owner, CancellationToken cancellationToken)
    {
        var vectors = new List<float[]>(texts.Count);
        foreach (var text in texts)
        {
            vectors.Add(await GenerateAsync(text, owner, cancellationToken));
        }

        return vectors;
    }
}

/// <summary>Where a remote embedding adapter gets a user's own key and server; implemented by a module that can read them.</summary>
public interface IEmbeddingCredentials
{
    Task<EmbeddingCredential?> ForOwnerAsync(UserId owner, CancellationToken cancellationToken);
}

/// <summary>An API key in clear and, for OpenAI-compatible servers, their base URL. Never log it.</summary>
public sealed record EmbeddingCredential(string ApiKey, string? BaseUrl)
{
    public override string ToString() => "embedding credential (hidden)";
}

/// <summary>The embedding provider could not answer now; <see cref="RetryAfter"/> says when it might.</summary>
public sealed class EmbeddingUnavailableException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
