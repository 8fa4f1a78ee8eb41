using Microsoft.EntityFrameworkCore.Migrations;
using VoiceNote.Infrastructure.Jobs;

#nullable disable

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence.Migrations
{
    /// <summary>Every change of a processing job is NOTIFYed, so progress streams follow it without polling (ADR 0070).</summary>
    public partial class JobChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.AddJobChangeNotifications(AudioProcessingDbContext.SchemaName);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.DropJobChangeNotifications(AudioProcessingDbContext.SchemaName);
    }
}
