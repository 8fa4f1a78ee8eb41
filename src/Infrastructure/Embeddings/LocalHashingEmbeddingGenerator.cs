using System.Text;
using VoiceNote.Application.Embeddings;
using VoiceNote.Domain.Primitives;

namespace VoiceNote.Infrastructure.Embeddings;

/// <summary>
/// The offline default (docs/decisions/0024): signed feature hashing of lower-cased word stems,
/// word-stem bigrams, character 3–5-grams of each word, and the concept groups of a small built-in
/// thesaurus, into 1536 dimensions, L2-normalised. Deterministic, no model files, no network.
/// It finds notes that share stems, sub-words or everyday concepts with the query; it does not
/// understand language. Changing anything here changes the vectors: bump <see cref="Model"/>.
/// </summary>
public sealed class LocalHashingEmbeddingGenerator : IEmbeddingGenerator
{
    public const string ModelName = "local-hash-v1";
    public const int Size = 1536;

    private const float WordWeight = 1.0f;
    private const float ConceptWeight = 0.8f;
    private const float BigramWeight = 0.5f;
    private const float CharGramBudgetPerWord = 0.6f;

    public string Model => ModelName;

    public int Dimensions => Size;

    public Task<float[]> GenerateAsync(string text, UserId? owner, CancellationToken cancellationToken) =>
        Task.FromResult(Embed(text));

    public static float[] Embed(string text)
    {
        var vector = new float[Size];
        var words = TextFeatures.Words(text).Where(w => !TextFeatures.IsStopWord(w)).ToList();
        string? previous = null;
        foreach (var word in words)
        {
            var stem = TextFeatures.Stem(word);
            Add(vector, "w:" + stem, WordWeight);
            foreach (var concept in TextFeatures.ConceptsOf(stem))
            {
                Add(vector, "k:" + concept, ConceptWeight);
            }

            if (previous is not null)
            {
                Add(vector, "b:" + previous + " " + stem, BigramWeight);
            }

            previous = stem;
            var grams = TextFeatures.CharGrams(word, 3, 5).ToList();
            var each = CharGramBudgetPerWord / MathF.Sqrt(Math.Max(grams.Count, 1));
            foreach (var gram in grams)
            {
                Add(vector, "c:" + gram, each);
            }
        }

        Normalise(vector);
        return vector;
    }

    private static void Add(float[] vector, string feature, float weight)
    {
        var hash = Fnv1a64(feature);
        var index = (int)(hash % Size);
        var sign = ((hash >> 40) & 1) == 0 ? 1f : -1f;
        vector[index] += sign * weight;
    }

    private static void Normalise(float[] vector)
    {
        var sum = 0d;
        foreach (var value in vector)
        {
            sum += value * value;
        }

        if (sum <= 0)
        {
            return;
        }

        var scale = (float)(1 / Math.Sqrt(sum));
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] *= scale;
        }
    }

    /// <summary>FNV-1a over UTF-8: stable across processes and runtimes, unlike string.GetHashCode.</summary>
    private static ulong Fnv1a64(string feature)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(feature))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        // A finaliser (MurmurHash3's) spreads FNV's weak low bits before the modulo.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }
}
