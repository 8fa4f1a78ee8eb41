using Microsoft.EntityFrameworkCore.Migrations;
using VoiceNote.Infrastructure.Statistics;

#nullable disable

namespace VoiceNote.Modules.Exports.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The exports' rolled-up counts (docs/decisions/0087): exports by the day they were asked for and their format,
    /// kept when the retention removes them; the bytes of the files kept; jobs by outcome and failure reason.
    /// </summary>
    public partial class AddAnalytics : Migration
    {
        private const string Schema = ExportsDbContext.SchemaName;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddDailyCounts(Schema);
            var day = DailyCounts.DayOf("created_at");
            migrationBuilder.CountRows(Schema, "exports", "exports_requested", $"""
                SELECT {day} AS day, 'exports.requested' AS metric, format AS dimension, 1 AS value FROM {DailyCounts.Rows}
                """, keptAfterDelete: true);
            migrationBuilder.CountRows(Schema, "exports", "export_files", $"""
                SELECT {day} AS day, 'storage.bytes' AS metric, '' AS dimension, coalesce(size_bytes, 0) AS value
                    FROM {DailyCounts.Rows} WHERE storage_key IS NOT NULL
                """);
            migrationBuilder.CountJobs(Schema);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.StopCountingJobs(Schema);
            migrationBuilder.StopCountingRows(Schema, "exports", "export_files");
            migrationBuilder.StopCountingRows(Schema, "exports", "exports_requested");
            migrationBuilder.DropDailyCounts(Schema);
        }
    }
}
