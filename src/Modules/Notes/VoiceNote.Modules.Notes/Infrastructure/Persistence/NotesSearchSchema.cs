namespace VoiceNote.Modules.Notes.Infrastructure.Persistence;

/// <summary>
/// The search columns PostgreSQL owns and EF does not map: a generated tsvector (English) over title
/// (weight A), summary (B) and every transcript (C, through the denormalised <c>search_transcripts</c>
/// column the module keeps up to date), and the note's embedding.
/// </summary>
internal static class NotesSearchSchema
{
    public const string Schema = NotesDbContext.SchemaName;
    public const string Table = "notes";
    public const string EmbeddingColumn = "embedding";
    public const string EmbeddingIndex = "ix_notes_embedding_hnsw";
    public const int Dimensions = 1536;
    public const string TextConfiguration = "english";

    public const string AddSearchVector = $"""
        ALTER TABLE {Schema}.{Table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('{TextConfiguration}', coalesce(title, '')), 'A') ||
            setweight(to_tsvector('{TextConfiguration}', coalesce(summary, '')), 'B') ||
            setweight(to_tsvector('{TextConfiguration}', search_transcripts), 'C')) STORED;
        """;

    public const string CreateSearchVectorIndex = $"CREATE INDEX ix_notes_search_vector ON {Schema}.{Table} USING gin (search_vector);";
}
