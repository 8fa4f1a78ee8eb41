using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoiceNote.Modules.Notes.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AnalysisOfEveryNote : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "edited_by_owner",
                schema: "notes",
                table: "tasks",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "analysed_at",
                schema: "notes",
                table: "notes",
                type: "timestamptz",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "analysis_engine",
                schema: "notes",
                table: "notes",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "analysis_fallback_from",
                schema: "notes",
                table: "notes",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<short>(
                name: "analysis_state",
                schema: "notes",
                table: "notes",
                type: "smallint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "analysis_text_hash",
                schema: "notes",
                table: "notes",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "priority_set_by_owner",
                schema: "notes",
                table: "notes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "summary_set_by_owner",
                schema: "notes",
                table: "notes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "title_set_by_owner",
                schema: "notes",
                table: "notes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // What is there was written by its owners (docs/decisions/0075): a typed note's title and summary, and any
            // analysed task changed since it was suggested. A recording's title and summary stay the analysis's.
            migrationBuilder.Sql("UPDATE notes.notes SET title_set_by_owner = title IS NOT NULL, summary_set_by_owner = summary IS NOT NULL WHERE audio_id IS NULL;");
            migrationBuilder.Sql("UPDATE notes.tasks SET edited_by_owner = true WHERE source_key IS NOT NULL AND updated_at > created_at;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "edited_by_owner",
                schema: "notes",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "analysed_at",
                schema: "notes",
                table: "notes");

            migrationBuilder.DropColumn(
                name: "analysis_engine",
                schema: "notes",
                table: "notes");

            migrationBuilder.DropColumn(
                name: "analysis_fallback_from",
                schema: "notes",
                table: "notes");

            migrationBuilder.DropColumn(
                name: "analysis_state",
                schema: "notes",
                table: "notes");

            migrationBuilder.DropColumn(
                name: "analysis_text_hash",
                schema: "notes",
                table: "notes");

            migrationBuilder.DropColumn(
                name: "priority_set_by_owner",
                schema: "notes",
                table: "notes");

            migrationBuilder.DropColumn(
                name: "summary_set_by_owner",
                schema: "notes",
                table: "notes");

            migrationBuilder.DropColumn(
                name: "title_set_by_owner",
                schema: "notes",
                table: "notes");
        }
    }
}
