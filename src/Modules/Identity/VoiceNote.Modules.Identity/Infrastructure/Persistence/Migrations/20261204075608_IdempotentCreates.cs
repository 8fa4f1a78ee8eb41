using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoiceNote.Modules.Identity.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IdempotentCreates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "idempotency_hash",
                schema: "identity",
                table: "oauth_clients",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "idempotency_key",
                schema: "identity",
                table: "oauth_clients",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ux_oauth_clients_owner_idempotency",
                schema: "identity",
                table: "oauth_clients",
                columns: new[] { "owner_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_oauth_clients_owner_idempotency",
                schema: "identity",
                table: "oauth_clients");

            migrationBuilder.DropColumn(
                name: "idempotency_hash",
                schema: "identity",
                table: "oauth_clients");

            migrationBuilder.DropColumn(
                name: "idempotency_key",
                schema: "identity",
                table: "oauth_clients");
        }
    }
}
