using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoiceNote.Modules.Notes.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NoteIdempotencyKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "idempotency_hash",
                schema: "notes",
                table: "notes",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "idempotency_key",
                schema: "notes",
                table: "notes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ux_notes_owner_idempotency",
                schema: "notes",
                table: "notes",
                columns: new[] { "owner_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_notes_owner_idempotency",
                schema: "notes",
                table: "notes");

            migrationBuilder.DropColumn(
                name: "idempotency_hash",
                schema: "notes",
                table: "notes");

            migrationBuilder.DropColumn(
                name: "idempotency_key",
                schema: "notes",
                table: "notes");
        }
    }
}
