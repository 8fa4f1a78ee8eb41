using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoiceNote.Modules.Notes.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NoteSentiment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "sentiment_label",
                schema: "notes",
                table: "notes",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "sentiment_score",
                schema: "notes",
                table: "notes",
                type: "double precision",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "sentiment_label",
                schema: "notes",
                table: "notes");

            migrationBuilder.DropColumn(
                name: "sentiment_score",
                schema: "notes",
                table: "notes");
        }
    }
}
