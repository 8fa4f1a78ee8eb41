namespace VoiceNote.Modules.Notes.Infrastructure.Persistence;

/// <summary>
/// The search columns of <c>notes.notes</c>. PostgreSQL owns the generated tsvector (English) over
/// title (weight A), summary (B) and every transcript (C, through the denormalised
/// <c>search_transcripts</c> column the module keeps up to date); EF does not map it. The embedding
/// and its HNSW index are mapped (NoteConfiguration) with the names and settings below.
/// </summary>
internal static class NotesSearchSchema
{
    public const string Schema = NotesDbContext.SchemaName;
    public const string Table = "notes";
    public const string EmbeddingIndex = "ix_notes_embedding_hnsw";
    public const int Dimensions = 1536;

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
}
