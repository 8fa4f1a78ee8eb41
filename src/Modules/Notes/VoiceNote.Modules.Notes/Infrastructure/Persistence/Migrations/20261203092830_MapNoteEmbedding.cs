using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoiceNote.Modules.Notes.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Empty on purpose. The model now maps the embedding (vector(1536)) and its HNSW index
    /// (ix_notes_embedding_hnsw, vector_cosine_ops, m = 16, ef_construction = 64), which
    /// 20261121235104_InitialNotes already created with raw SQL; this migration only brings them into
    /// the model snapshot, so later migrations neither add them again nor drop them
    /// (docs/decisions/0004). Down is empty for the same reason: InitialNotes' Down drops the table.
    /// </summary>
    public partial class MapNoteEmbedding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
