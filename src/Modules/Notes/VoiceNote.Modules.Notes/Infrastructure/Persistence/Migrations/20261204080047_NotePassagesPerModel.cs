using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Pgvector;

#nullable disable

namespace VoiceNote.Modules.Notes.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NotePassagesPerModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notes_embedding_hnsw",
                schema: "notes",
                table: "notes");

            migrationBuilder.DropColumn(
                name: "embedding",
                schema: "notes",
                table: "notes");

            migrationBuilder.CreateTable(
                name: "note_passages",
                schema: "notes",
                columns: table => new
                {
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    start_ms = table.Column<int>(type: "integer", nullable: true),
                    end_ms = table.Column<int>(type: "integer", nullable: true),
                    text_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    embedding = table.Column<Vector>(type: "vector", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_note_passages", x => new { x.note_id, x.ordinal });
                    table.ForeignKey(
                        name: "fk_note_passages_notes_note_id",
                        column: x => x.note_id,
                        principalSchema: "notes",
                        principalTable: "notes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_note_passages_owner_model",
                schema: "notes",
                table: "note_passages",
                columns: new[] { "owner_id", "model" });

            // The local model's HNSW index now; a remote model's is created when it is first used (docs/decisions/0072).
            migrationBuilder.Sql(NotesSearchSchema.CreateModelIndex(
                VoiceNote.Infrastructure.Embeddings.LocalSentenceEmbeddingGenerator.ModelName, VoiceNote.Infrastructure.Embeddings.LocalSentenceEmbeddingGenerator.Size));

            // The old one-vector-per-note embeddings (local-hash-v1, or a remote model's) are gone with their column:
            // every note is stale now, and the re-embedding (started with the host, or reembed-notes) embeds it again.
            migrationBuilder.Sql("UPDATE notes.notes SET embedding_model = NULL, embedded_text_hash = NULL, embedded_at = NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "note_passages",
                schema: "notes");

            migrationBuilder.AddColumn<Vector>(
                name: "embedding",
                schema: "notes",
                table: "notes",
                type: "vector(1536)",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_notes_embedding_hnsw",
                schema: "notes",
                table: "notes",
                column: "embedding")
                .Annotation("Npgsql:IndexMethod", "hnsw")
                .Annotation("Npgsql:IndexOperators", new[] { "vector_cosine_ops" })
                .Annotation("Npgsql:StorageParameter:ef_construction", 64)
                .Annotation("Npgsql:StorageParameter:m", 16);
        }
    }
}
