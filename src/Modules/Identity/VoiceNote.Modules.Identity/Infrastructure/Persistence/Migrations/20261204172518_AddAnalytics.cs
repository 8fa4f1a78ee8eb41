using Microsoft.EntityFrameworkCore.Migrations;
using VoiceNote.Infrastructure.Statistics;

#nullable disable

namespace VoiceNote.Modules.Identity.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The users' rolled-up counts and the index the activity figures read (docs/decisions/0087): accounts by the day
    /// they were created, and those deleted; sessions by their last use.
    /// </summary>
    public partial class AddAnalytics : Migration
    {
        private const string Schema = IdentityDbContext.SchemaName;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddDailyCounts(Schema);
            var day = DailyCounts.DayOf("created_at");
            migrationBuilder.CountRows(Schema, "users", "users", $"""
                SELECT {day} AS day, 'users.created' AS metric, '' AS dimension, 1 AS value FROM {DailyCounts.Rows}
                UNION ALL SELECT {day}, 'users.deleted', '', 1 FROM {DailyCounts.Rows} WHERE is_deleted
                """);
            migrationBuilder.Sql("CREATE INDEX ix_sessions_last_used_at_user_id ON identity.sessions (last_used_at, user_id);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS identity.ix_sessions_last_used_at_user_id;");
            migrationBuilder.StopCountingRows(Schema, "users", "users");
            migrationBuilder.DropDailyCounts(Schema);
        }
    }
}
