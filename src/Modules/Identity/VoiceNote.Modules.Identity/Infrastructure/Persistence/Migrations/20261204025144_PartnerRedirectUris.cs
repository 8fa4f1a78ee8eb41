using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VoiceNote.Modules.Identity.Infrastructure.Persistence.Migrations
{
    /// <summary>Partner clients may name redirect URIs for the authorization code flow (issue 10).</summary>
    public partial class PartnerRedirectUris : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "redirect_uris",
                schema: "identity",
                table: "oauth_clients",
                type: "text[]",
                nullable: false,
                // Existing clients have none: they stay client-credentials-only.
                defaultValueSql: "'{}'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "redirect_uris",
                schema: "identity",
                table: "oauth_clients");
        }
    }
}
