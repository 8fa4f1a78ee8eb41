using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoiceNote.Modules.Notes.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "notes");

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "notes",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    handler = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.handler });
                });

            migrationBuilder.CreateTable(
                name: "notes",
                schema: "notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    audio_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    summary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    preferred_engine = table.Column<short>(type: "smallint", nullable: true),
                    audio_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    raw_audio_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    priority = table.Column<short>(type: "smallint", nullable: false),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    is_pinned = table.Column<bool>(type: "boolean", nullable: false),
                    is_liked = table.Column<bool>(type: "boolean", nullable: false),
                    is_archived = table.Column<bool>(type: "boolean", nullable: false),
                    is_encrypted = table.Column<bool>(type: "boolean", nullable: false),
                    is_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true),
                    document_urls = table.Column<List<string>>(type: "text[]", nullable: false),
                    links = table.Column<List<string>>(type: "text[]", nullable: false),
                    key_moments = table.Column<string>(type: "jsonb", nullable: false),
                    processing_options = table.Column<string>(type: "jsonb", nullable: true),
                    duration_seconds = table.Column<double>(type: "double precision", nullable: true),
                    size_bytes = table.Column<long>(type: "bigint", nullable: true),
                    moderation_status = table.Column<short>(type: "smallint", nullable: false),
                    moderated_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true),
                    moderated_by = table.Column<Guid>(type: "uuid", nullable: true),
                    moderation_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    search_transcripts = table.Column<string>(type: "text", nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    embedding_model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    embedded_text_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    embedded_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true),
                    parked_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                schema: "notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    is_done = table.Column<bool>(type: "boolean", nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true),
                    deadline = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true),
                    priority = table.Column<short>(type: "smallint", nullable: false),
                    is_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    notified_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true),
                    reminder_count = table.Column<int>(type: "integer", nullable: false),
                    notification_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    assigned_entities = table.Column<string>(type: "jsonb", nullable: false),
                    image_urls = table.Column<List<string>>(type: "text[]", nullable: false),
                    document_urls = table.Column<List<string>>(type: "text[]", nullable: false),
                    external_links = table.Column<List<string>>(type: "text[]", nullable: false),
                    communication_type = table.Column<short>(type: "smallint", nullable: true),
                    is_action_approved = table.Column<bool>(type: "boolean", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    source_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_tasks_notes_note_id",
                        column: x => x.note_id,
                        principalSchema: "notes",
                        principalTable: "notes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "transcripts",
                schema: "notes",
                columns: table => new
                {
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    engine = table.Column<short>(type: "smallint", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transcripts", x => new { x.note_id, x.engine });
                    table.ForeignKey(
                        name: "fk_transcripts_notes_note_id",
                        column: x => x.note_id,
                        principalSchema: "notes",
                        principalTable: "notes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notes_owner_priority",
                schema: "notes",
                table: "notes",
                columns: new[] { "owner_id", "is_deleted", "is_archived", "priority", "recorded_at", "id" },
                descending: new[] { false, false, false, true, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_notes_owner_recorded",
                schema: "notes",
                table: "notes",
                columns: new[] { "owner_id", "is_deleted", "is_archived", "recorded_at", "id" },
                descending: new[] { false, false, false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_notes_owner_updated",
                schema: "notes",
                table: "notes",
                columns: new[] { "owner_id", "is_deleted", "is_archived", "updated_at", "id" },
                descending: new[] { false, false, false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_notes_recorded",
                schema: "notes",
                table: "notes",
                columns: new[] { "recorded_at", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ux_notes_owner_audio",
                schema: "notes",
                table: "notes",
                columns: new[] { "owner_id", "audio_id" },
                unique: true,
                filter: "audio_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "notes",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "processed_at IS NULL AND parked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_note_id_position",
                schema: "notes",
                table: "tasks",
                columns: new[] { "note_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_owner_done",
                schema: "notes",
                table: "tasks",
                columns: new[] { "owner_id", "done_at" },
                descending: new[] { false, true },
                filter: "NOT is_deleted AND is_done");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_owner_open_deadline",
                schema: "notes",
                table: "tasks",
                columns: new[] { "owner_id", "deadline" },
                filter: "NOT is_deleted AND NOT is_done");

            migrationBuilder.CreateIndex(
                name: "ux_tasks_note_source_key",
                schema: "notes",
                table: "tasks",
                columns: new[] { "note_id", "source_key" },
                unique: true,
                filter: "source_key IS NOT NULL");

            // Not in the EF model (docs/decisions/0021): the full-text vector, generated by PostgreSQL
            // from title, summary and the module-maintained transcript text. The embedding and its HNSW index
            // were raw SQL too when this migration was written; the model maps them since 20261203092830_MapNoteEmbedding
            // (docs/decisions/0004), and this SQL is kept as it ran so new databases get the same schema.
            migrationBuilder.Sql(NotesSearchSchema.AddSearchVector);
            migrationBuilder.Sql(NotesSearchSchema.CreateSearchVectorIndex);
            migrationBuilder.Sql("ALTER TABLE notes.notes ADD COLUMN embedding vector(1536) NULL;");
            migrationBuilder.Sql("CREATE INDEX ix_notes_embedding_hnsw ON notes.notes USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "notes");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "notes");

            migrationBuilder.DropTable(
                name: "tasks",
                schema: "notes");

            migrationBuilder.DropTable(
                name: "transcripts",
                schema: "notes");

            migrationBuilder.DropTable(
                name: "notes",
                schema: "notes");
        }
    }
}
