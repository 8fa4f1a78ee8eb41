using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace VoiceNote.Modules.Activity.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseContentActivities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                schema: "activity",
                table: "types",
                columns: new[] { "code", "category", "description", "is_active" },
                values: new object[,]
                {
                    { "ANALYSIS_VERSION_ADDED", "AUDIO", "A new analysis version was added.", true },
                    { "CASE_DELETED", "CASE", "Moved the case to the trash.", true },
                    { "CASE_RESTORED", "CASE", "Brought the case back from the trash.", true },
                    { "NOTE_ATTACHED", "CASE", "Attached a note to the case.", true },
                    { "NOTE_CREATED", "CASE", "Wrote a note in the case.", true },
                    { "NOTE_DETACHED", "CASE", "Detached a note from the case.", true },
                    { "NOTE_EDITED", "CASE", "Edited a note of the case.", true },
                    { "RECORDING_ATTACHED", "CASE", "Attached a recording to the case.", true },
                    { "RECORDING_DETACHED", "CASE", "Detached a recording from the case.", true }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                schema: "activity",
                table: "types",
                keyColumn: "code",
                keyValue: "ANALYSIS_VERSION_ADDED");

            migrationBuilder.DeleteData(
                schema: "activity",
                table: "types",
                keyColumn: "code",
                keyValue: "CASE_DELETED");

            migrationBuilder.DeleteData(
                schema: "activity",
                table: "types",
                keyColumn: "code",
                keyValue: "CASE_RESTORED");

            migrationBuilder.DeleteData(
                schema: "activity",
                table: "types",
                keyColumn: "code",
                keyValue: "NOTE_ATTACHED");

            migrationBuilder.DeleteData(
                schema: "activity",
                table: "types",
                keyColumn: "code",
                keyValue: "NOTE_CREATED");

            migrationBuilder.DeleteData(
                schema: "activity",
                table: "types",
                keyColumn: "code",
                keyValue: "NOTE_DETACHED");

            migrationBuilder.DeleteData(
                schema: "activity",
                table: "types",
                keyColumn: "code",
                keyValue: "NOTE_EDITED");

            migrationBuilder.DeleteData(
                schema: "activity",
                table: "types",
                keyColumn: "code",
                keyValue: "RECORDING_ATTACHED");

            migrationBuilder.DeleteData(
                schema: "activity",
                table: "types",
                keyColumn: "code",
                keyValue: "RECORDING_DETACHED");
        }
    }
}
