using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoiceNote.Modules.Cases.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_participants_user_id_case_id",
                schema: "cases",
                table: "participants");

            migrationBuilder.AddColumn<string>(
                name: "idempotency_hash",
                schema: "cases",
                table: "cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "idempotency_key",
                schema: "cases",
                table: "cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "orphaned_at",
                schema: "cases",
                table: "cases",
                type: "timestamptz",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "orphaned_by",
                schema: "cases",
                table: "cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_participants_user_id_case_id",
                schema: "cases",
                table: "participants",
                columns: new[] { "user_id", "case_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "role" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_orphaned_by",
                schema: "cases",
                table: "cases",
                column: "orphaned_by",
                filter: "orphaned_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cases_trash",
                schema: "cases",
                table: "cases",
                column: "deleted_at",
                filter: "is_deleted");

            migrationBuilder.CreateIndex(
                name: "ux_cases_creator_idempotency",
                schema: "cases",
                table: "cases",
                columns: new[] { "created_by", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_participants_user_id_case_id",
                schema: "cases",
                table: "participants");

            migrationBuilder.DropIndex(
                name: "ix_cases_orphaned_by",
                schema: "cases",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_trash",
                schema: "cases",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ux_cases_creator_idempotency",
                schema: "cases",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "idempotency_hash",
                schema: "cases",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "idempotency_key",
                schema: "cases",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "orphaned_at",
                schema: "cases",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "orphaned_by",
                schema: "cases",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_participants_user_id_case_id",
                schema: "cases",
                table: "participants",
                columns: new[] { "user_id", "case_id" });
        }
    }
}
