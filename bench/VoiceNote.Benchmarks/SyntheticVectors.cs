using System.Text;
using VoiceNote.Infrastructure.Embeddings;

namespace VoiceNote.Benchmarks;

/// <summary>
/// Stand-in vectors for seeding hundreds of thousands of passages fast (the real model takes ~9 ms a text):
/// signed hashing of lower-cased words into the local model's 384 dimensions, L2-normalised. They are
/// stored under the local model's name so the API's index and queries are the ones measured; they measure
/// the index's speed and recall against exact search, not search quality (SearchQualityTests does that).
/// </summary>
internal static class SyntheticVectors
{
    public const string Model = LocalSentenceEmbeddingGenerator.ModelName;
    public const int Size = LocalSentenceEmbeddingGenerator.Size;

    public static float[] Of(string text) => Of(text, Size);

    /// <summary>The same hashing into another length (the fake remote model's 1536 in tests).</summary>
    public static float[] Of(string text, int size)
    {
        var vector = new float[size];
        foreach (var word in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var hash = Fnv(word.Trim('.', ',', '!', '?', ';', ':'));
            vector[(int)(hash % (uint)size)] += (hash & 0x8000_0000) == 0 ? 1f : -1f;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }

        return vector;
    }

    private static uint Fnv(string word)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(word))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
