using Microsoft.EntityFrameworkCore.Migrations;

namespace VoiceNote.Infrastructure.Vectors;

/// <summary>Migration helpers for vector columns and their HNSW indexes, so every module writes them the same way.</summary>
public static class VectorMigrations
{
    public static void AddVectorColumn(this MigrationBuilder migrations, string schema, string table, string column, int dimensions) =>
        migrations.Sql($"ALTER TABLE {schema}.{table} ADD COLUMN {column} {PgVector.ColumnType(dimensions)} NULL;");

    /// <summary>An HNSW index for cosine distance (pgvector's defaults m=16, ef_construction=64 unless given).</summary>
    public static void CreateHnswCosineIndex(this MigrationBuilder migrations, string schema, string table, string column, string indexName, int m = 16, int efConstruction = 64) =>
        migrations.Sql($"CREATE INDEX {indexName} ON {schema}.{table} USING hnsw ({column} vector_cosine_ops) WITH (m = {m}, ef_construction = {efConstruction});");
}
