using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseRecordings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "started_by",
                schema: "audio",
                table: "transcripts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "case_id",
                schema: "audio",
                table: "audio_files",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "started_by",
                schema: "audio",
                table: "analyses",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_audio_files_case_id",
                schema: "audio",
                table: "audio_files",
                column: "case_id",
                filter: "case_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audio_files_case_id",
                schema: "audio",
                table: "audio_files");

            migrationBuilder.DropColumn(
                name: "started_by",
                schema: "audio",
                table: "transcripts");

            migrationBuilder.DropColumn(
                name: "case_id",
                schema: "audio",
                table: "audio_files");

            migrationBuilder.DropColumn(
                name: "started_by",
                schema: "audio",
                table: "analyses");
        }
    }
}
