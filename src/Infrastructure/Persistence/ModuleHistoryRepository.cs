using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal;

namespace VoiceNote.Infrastructure.Persistence;

/// <summary>
/// Keeps each module's migrations history table as EF creates it ("MigrationId", "ProductVersion",
/// "PK___ef_migrations_history"). The snake_case convention would otherwise rename its columns too,
/// and every existing database would stop finding the migrations it has applied (docs/decisions/0005).
/// </summary>
#pragma warning disable EF1001 // Subclassing the provider's history repository is EF's documented way to shape this table.
internal sealed class ModuleHistoryRepository(HistoryRepositoryDependencies dependencies) : NpgsqlHistoryRepository(dependencies)
{
    protected override void ConfigureTable(EntityTypeBuilder<HistoryRow> history)
    {
        base.ConfigureTable(history);
        history.HasKey(h => h.MigrationId).HasName($"PK_{TableName}");
        history.Property(h => h.MigrationId).HasColumnName(nameof(HistoryRow.MigrationId));
        history.Property(h => h.ProductVersion).HasColumnName(nameof(HistoryRow.ProductVersion));
    }
}
#pragma warning restore EF1001
