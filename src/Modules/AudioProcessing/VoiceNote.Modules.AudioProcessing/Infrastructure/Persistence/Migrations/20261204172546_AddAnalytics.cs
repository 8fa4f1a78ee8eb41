using Microsoft.EntityFrameworkCore.Migrations;
using VoiceNote.Infrastructure.Statistics;

#nullable disable

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The recordings' rolled-up counts (docs/decisions/0087): recordings, their milliseconds and bytes by the day they
    /// were uploaded; transcriptions (milliseconds, speech engine) and analyses (engine) by the day they were made, kept
    /// when the recording goes; jobs by outcome and failure reason when they finish, kept when the purge removes them.
    /// </summary>
    public partial class AddAnalytics : Migration
    {
        private const string Schema = AudioProcessingDbContext.SchemaName;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddDailyCounts(Schema);
            var day = DailyCounts.DayOf("created_at");
            const string Milliseconds = "round(extract(epoch FROM duration) * 1000)::bigint";
            migrationBuilder.CountRows(Schema, "audio_files", "recordings", $"""
                SELECT {day} AS day, 'audio.recordings' AS metric, '' AS dimension, 1::bigint AS value FROM {DailyCounts.Rows}
                UNION ALL SELECT {day}, 'audio.uploaded_ms', '', {Milliseconds} FROM {DailyCounts.Rows}
                UNION ALL SELECT {day}, 'storage.bytes', CASE WHEN is_archived THEN 'archive' ELSE 'originals' END, size_bytes FROM {DailyCounts.Rows}
                """);
            migrationBuilder.CountRows(Schema, "transcripts", "transcripts", $"""
                SELECT {day} AS day, 'audio.processed_ms' AS metric, '' AS dimension, {Milliseconds} AS value FROM {DailyCounts.Rows}
                UNION ALL SELECT {day}, 'engine.speech', engine, 1 FROM {DailyCounts.Rows}
                """, keptAfterDelete: true);
            migrationBuilder.CountRows(Schema, "analyses", "analyses", $"""
                SELECT {day} AS day, 'engine.analysis' AS metric, engine AS dimension, 1 AS value FROM {DailyCounts.Rows}
                """, keptAfterDelete: true);
            migrationBuilder.CountJobs(Schema);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.StopCountingJobs(Schema);
            migrationBuilder.StopCountingRows(Schema, "analyses", "analyses");
            migrationBuilder.StopCountingRows(Schema, "transcripts", "transcripts");
            migrationBuilder.StopCountingRows(Schema, "audio_files", "recordings");
            migrationBuilder.DropDailyCounts(Schema);
        }
    }
}
