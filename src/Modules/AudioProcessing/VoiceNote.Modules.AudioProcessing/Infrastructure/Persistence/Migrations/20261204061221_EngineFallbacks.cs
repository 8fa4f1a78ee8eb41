using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EngineFallbacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "fallback_from",
                schema: "audio",
                table: "transcripts",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "fallback_reason",
                schema: "audio",
                table: "transcripts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "fallback_from",
                schema: "audio",
                table: "analyses",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "fallback_reason",
                schema: "audio",
                table: "analyses",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "fallback_from",
                schema: "audio",
                table: "transcripts");

            migrationBuilder.DropColumn(
                name: "fallback_reason",
                schema: "audio",
                table: "transcripts");

            migrationBuilder.DropColumn(
                name: "fallback_from",
                schema: "audio",
                table: "analyses");

            migrationBuilder.DropColumn(
                name: "fallback_reason",
                schema: "audio",
                table: "analyses");
        }
    }
}
