namespace VoiceNote.Modules.Notes.Application.Search;

/// <summary>Bound from "Notes:Search".</summary>
internal sealed class NotesSearchOptions
{
    public const string Section = "Notes:Search";

    /// <summary>Query embeddings a user may have computed per minute (cache hits are free).</summary>
    public int QueryEmbeddingsPerMinute { get; set; } = 60;

    /// <summary>How long a query's embedding is reused for the same user and text.</summary>
    public TimeSpan QueryEmbeddingCacheTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>hnsw.ef_search: the candidate list of each HNSW scan step; higher is more exact and slower.</summary>
    public int EfSearch { get; set; } = 100;

    /// <summary>Below this cosine similarity a note is not "about" the query; it is left out of semantic results.</summary>
    public double MinSimilarity { get; set; } = 0.15;

    /// <summary>How many candidates each half of a hybrid search contributes before fusion.</summary>
    public int HybridCandidates { get; set; } = 50;

    /// <summary>
    /// Hybrid score = this × cosine similarity + (1 − this) × relative word rank × share of the query's words;
    /// meaning leads, words lift exact matches (docs/decisions/0072).
    /// </summary>
    public double HybridMeaningWeight { get; set; } = 0.8;

    /// <summary>Notes re-embedded between pauses when all notes are re-embedded after a model change.</summary>
    public int ReembedBatchSize { get; set; } = 20;

    /// <summary>The pause after each batch: the bound on the re-embedding's rate.</summary>
    public TimeSpan ReembedPause { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Whether the API starts re-embedding stale notes when it starts.</summary>
    public bool ReembedOnStart { get; set; } = true;
}
