using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoiceNote.Modules.Activity.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AllowPurgeAnonymisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AppendOnlyEntries.AllowAnonymising);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AppendOnlyEntries.RefuseAnonymising);
        }
    }
}
