using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NoteTextAnalyses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "note_text_analyses",
                schema: "audio",
                columns: table => new
                {
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    text_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    analysed_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    analyses = table.Column<int>(type: "integer", nullable: false),
                    analysed_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_note_text_analyses", x => x.note_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_note_text_analyses_owner_id",
                schema: "audio",
                table: "note_text_analyses",
                column: "owner_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "note_text_analyses",
                schema: "audio");
        }
    }
}
