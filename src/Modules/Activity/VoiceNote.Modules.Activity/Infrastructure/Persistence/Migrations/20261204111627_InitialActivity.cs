using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace VoiceNote.Modules.Activity.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialActivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "activity");

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "activity",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    handler = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.handler });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "activity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true),
                    parked_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "types",
                schema: "activity",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_types", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "entries",
                schema: "activity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    client_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    item_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    item_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    details = table.Column<string>(type: "jsonb", nullable: true),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_entries_types_type_code",
                        column: x => x.type_code,
                        principalSchema: "activity",
                        principalTable: "types",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                schema: "activity",
                table: "types",
                columns: new[] { "code", "category", "description", "is_active" },
                values: new object[,]
                {
                    { "ACCOUNT_DELETED", "SECURITY", "The account was deleted (restorable for a while).", true },
                    { "ACCOUNT_RESTORED", "SECURITY", "The deleted account was restored.", true },
                    { "ADMIN_ACTION", "ADMIN", "An admin acted on an account.", true },
                    { "AUDIO_ARCHIVED", "AUDIO", "Archived a recording.", true },
                    { "AUDIO_DELETED", "AUDIO", "Deleted a recording.", true },
                    { "AUDIO_RESTORED", "AUDIO", "Brought a recording back from the archive.", true },
                    { "AUDIO_UPLOADED", "AUDIO", "Uploaded a recording.", true },
                    { "CASE_CLOSED", "CASE", "Closed the case.", true },
                    { "CASE_CREATED", "CASE", "Opened the case.", true },
                    { "CASE_REOPENED", "CASE", "Reopened the case.", true },
                    { "EXPORT_DOWNLOADED", "EXPORT", "Downloaded an export.", true },
                    { "PARTICIPANT_ADDED", "CASE", "Added a participant.", true },
                    { "PARTICIPANT_LEFT", "CASE", "Left the case.", true },
                    { "PARTICIPANT_REMOVED", "CASE", "Removed a participant.", true },
                    { "PARTICIPANT_ROLE_CHANGED", "CASE", "Changed a participant's role or permissions.", true },
                    { "PASSWORD_CHANGED", "SECURITY", "Changed the password; other sessions ended.", true },
                    { "SIGN_IN", "SECURITY", "Signed in with the password.", true },
                    { "SIGN_IN_FAILED", "SECURITY", "A password sign-in failed.", true },
                    { "TRANSCRIPT_VERSION_ADDED", "AUDIO", "A new transcript version was added.", true }
                });

            migrationBuilder.CreateIndex(
                name: "ix_entries_case",
                schema: "activity",
                table: "entries",
                columns: new[] { "case_id", "occurred_at", "id" },
                descending: new[] { false, true, true },
                filter: "case_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_entries_item",
                schema: "activity",
                table: "entries",
                columns: new[] { "item_id", "occurred_at", "id" },
                descending: new[] { false, true, true },
                filter: "item_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_entries_occurred_at",
                schema: "activity",
                table: "entries",
                columns: new[] { "occurred_at", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_entries_type_code",
                schema: "activity",
                table: "entries",
                column: "type_code");

            migrationBuilder.CreateIndex(
                name: "ix_entries_user",
                schema: "activity",
                table: "entries",
                columns: new[] { "user_id", "occurred_at", "id" },
                descending: new[] { false, true, true },
                filter: "user_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "activity",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "processed_at IS NULL AND parked_at IS NULL");

            migrationBuilder.Sql(AppendOnlyEntries.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AppendOnlyEntries.Drop);

            migrationBuilder.DropTable(
                name: "entries",
                schema: "activity");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "activity");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "activity");

            migrationBuilder.DropTable(
                name: "types",
                schema: "activity");
        }
    }
}
