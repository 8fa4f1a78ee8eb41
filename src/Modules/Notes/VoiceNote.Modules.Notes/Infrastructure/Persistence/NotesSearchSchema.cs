namespace VoiceNote.Modules.Notes.Infrastructure.Persistence;

/// <summary>
/// The search columns of <c>notes.notes</c>. PostgreSQL owns the generated tsvector (English) over
/// title (weight A), summary (B) and every transcript (C, through the denormalised
/// <c>search_transcripts</c> column the module keeps up to date); EF does not map it. Vectors live in
/// <c>notes.note_passages</c>, untyped, with one partial HNSW index per model over a cast to its
/// dimension (docs/decisions/0072); <see cref="CreateModelIndex"/> writes it.
/// </summary>
internal static class NotesSearchSchema
{
    public const string Schema = NotesDbContext.SchemaName;
    public const string Table = "notes";
    public const string PassageTable = "note_passages";

    /// <summary>HNSW build settings (pgvector's defaults, written out so the model and the database agree).</summary>
    public const int HnswM = 16;
    public const int HnswEfConstruction = 64;
    public const string TextConfiguration = "english";

    public const string AddSearchVector = $"""
        ALTER TABLE {Schema}.{Table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('{TextConfiguration}', coalesce(title, '')), 'A') ||
            setweight(to_tsvector('{TextConfiguration}', coalesce(summary, '')), 'B') ||
            setweight(to_tsvector('{TextConfiguration}', search_transcripts), 'C')) STORED;
        """;

    public const string CreateSearchVectorIndex = $"CREATE INDEX ix_notes_search_vector ON {Schema}.{Table} USING gin (search_vector);";

    /// <summary>The HNSW index of one model's vectors: its name (≤ 63 bytes, stable for the model).</summary>
    public static string ModelIndexName(string model)
    {
        var readable = new string(model.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(model)))[..8];
        return $"ix_note_passages_hnsw_{(readable.Length > 24 ? readable[..24] : readable)}_{hash}";
    }

    /// <summary>The model as a SQL literal: the partial index's predicate and every query must say it the same way.</summary>
    public static string ModelLiteral(string model) => "'" + model.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// The expression a model's vectors are indexed and compared by: the untyped column cast to the model's
    /// dimension. A query uses the index only if it says exactly this and the same <c>model =</c> predicate.
    /// </summary>
    public static string VectorExpression(int dimensions, string alias = "") => $"({alias}embedding::vector({dimensions}))";

    public static string CreateModelIndex(string model, int dimensions) =>
        $"CREATE INDEX IF NOT EXISTS {ModelIndexName(model)} ON {Schema}.{PassageTable} USING hnsw ({VectorExpression(dimensions)} vector_cosine_ops) " +
        $"WITH (m = {HnswM}, ef_construction = {HnswEfConstruction}) WHERE model = {ModelLiteral(model)};";
}
