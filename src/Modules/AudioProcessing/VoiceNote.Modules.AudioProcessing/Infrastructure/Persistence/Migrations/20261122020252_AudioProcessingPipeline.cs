using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AudioProcessingPipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "processing_error",
                schema: "audio",
                table: "audio_files",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "processing_job_id",
                schema: "audio",
                table: "audio_files",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "speech_engine",
                schema: "audio",
                table: "audio_files",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Auto");

            migrationBuilder.CreateTable(
                name: "transcripts",
                schema: "audio",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    audio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    engine = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    words = table.Column<string>(type: "jsonb", nullable: false),
                    duration = table.Column<TimeSpan>(type: "interval", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transcripts", x => x.id);
                    table.ForeignKey(
                        name: "fk_transcripts_audio_files_audio_id",
                        column: x => x.audio_id,
                        principalSchema: "audio",
                        principalTable: "audio_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "analyses",
                schema: "audio",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    audio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    transcript_id = table.Column<Guid>(type: "uuid", nullable: false),
                    engine = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    result = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analyses", x => x.id);
                    table.ForeignKey(
                        name: "fk_analyses_audio_files_audio_id",
                        column: x => x.audio_id,
                        principalSchema: "audio",
                        principalTable: "audio_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_analyses_transcripts_transcript_id",
                        column: x => x.transcript_id,
                        principalSchema: "audio",
                        principalTable: "transcripts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_analyses_audio_id",
                schema: "audio",
                table: "analyses",
                column: "audio_id");

            migrationBuilder.CreateIndex(
                name: "ix_analyses_job_id",
                schema: "audio",
                table: "analyses",
                column: "job_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_analyses_transcript_id",
                schema: "audio",
                table: "analyses",
                column: "transcript_id");

            migrationBuilder.CreateIndex(
                name: "ix_transcripts_audio_id_version",
                schema: "audio",
                table: "transcripts",
                columns: new[] { "audio_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transcripts_job_id",
                schema: "audio",
                table: "transcripts",
                column: "job_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analyses",
                schema: "audio");

            migrationBuilder.DropTable(
                name: "transcripts",
                schema: "audio");

            migrationBuilder.DropColumn(
                name: "processing_error",
                schema: "audio",
                table: "audio_files");

            migrationBuilder.DropColumn(
                name: "processing_job_id",
                schema: "audio",
                table: "audio_files");

            migrationBuilder.DropColumn(
                name: "speech_engine",
                schema: "audio",
                table: "audio_files");
        }
    }
}
