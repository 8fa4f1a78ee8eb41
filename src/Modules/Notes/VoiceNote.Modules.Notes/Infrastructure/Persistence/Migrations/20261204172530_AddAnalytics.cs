using Microsoft.EntityFrameworkCore.Migrations;
using VoiceNote.Infrastructure.Statistics;

#nullable disable

namespace VoiceNote.Modules.Notes.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The notes' and tasks' rolled-up counts (docs/decisions/0087): rows by the day they were created, and those in
    /// the trash (deleted tasks); kept by statement triggers, backfilled from the rows already there.
    /// </summary>
    public partial class AddAnalytics : Migration
    {
        private const string Schema = NotesDbContext.SchemaName;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddDailyCounts(Schema);
            var day = DailyCounts.DayOf("created_at");
            migrationBuilder.CountRows(Schema, "notes", "notes", $"""
                SELECT {day} AS day, 'notes' AS metric, '' AS dimension, 1 AS value FROM {DailyCounts.Rows}
                UNION ALL SELECT {day}, 'notes.trash', '', 1 FROM {DailyCounts.Rows} WHERE is_deleted
                """);
            migrationBuilder.CountRows(Schema, "tasks", "tasks", $"""
                SELECT {day} AS day, 'tasks' AS metric, '' AS dimension, 1 AS value FROM {DailyCounts.Rows}
                UNION ALL SELECT {day}, 'tasks.deleted', '', 1 FROM {DailyCounts.Rows} WHERE is_deleted
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.StopCountingRows(Schema, "tasks", "tasks");
            migrationBuilder.StopCountingRows(Schema, "notes", "notes");
            migrationBuilder.DropDailyCounts(Schema);
        }
    }
}
