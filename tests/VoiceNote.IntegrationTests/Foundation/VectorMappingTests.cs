using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pgvector;
using Pgvector.EntityFrameworkCore;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Infrastructure.Security;

namespace VoiceNote.IntegrationTests.Foundation;

/// <summary>
/// The pgvector packages as the project wires them, against the real extension: the host's data
/// source (UseVector) for plain Npgsql, and a module context (ModuleDbContext turns on UseVector) for
/// EF: values and nulls round-trip, cosine distance orders nearest first, the database refuses a
/// wrong dimension, and a model-declared HNSW index is what the LINQ query runs on.
/// </summary>
public sealed class VectorMappingTests : Harness.DatabaseFixture
{
    private static readonly (int Id, string Label, float[]? Vector)[] Compass =
    [
        (1, "east", [1f, 0f, 0f]),
        (2, "north", [0f, 1f, 0f]),
        (3, "north-east", [0.7f, 0.7f, 0f]),
        (4, "unembedded", null),
    ];

    private NpgsqlDataSource DataSource => Api.Services.GetRequiredService<NpgsqlDataSource>();

    [OneTimeSetUp]
    public async Task CreateTables()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await Execute(connection, "ALTER TABLE probe.vectors ADD COLUMN embedding vector(3)");
        foreach (var (id, label, vector) in Compass)
        {
            await using var insert = new NpgsqlCommand("INSERT INTO probe.vectors (id, label, embedding) VALUES (@id, @label, @v)", connection);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("label", label);
            insert.Parameters.AddWithValue("v", vector is null ? DBNull.Value : new Vector(vector));
            await insert.ExecuteNonQueryAsync();
        }

        await using var db = NewSamples();
        await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
        db.Samples.AddRange(Compass.Select(c => new VectorSample { Id = c.Id, Label = c.Label, Embedding = c.Vector is null ? null : new Vector(c.Vector) }));
        await db.SaveChangesAsync();
    }

    [Test]
    public async Task Npgsql_writes_and_reads_vectors_and_a_null_stays_null()
    {
        var stored = new Dictionary<int, Vector?>();
        await using (var read = DataSource.CreateCommand("SELECT id, embedding FROM probe.vectors"))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored[reader.GetInt32(0)] = reader.IsDBNull(1) ? null : reader.GetFieldValue<Vector>(1);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(stored[1]!.ToArray(), Is.EqualTo(new[] { 1f, 0f, 0f }));
            Assert.That(stored[3]!.ToArray(), Is.EqualTo(new[] { 0.7f, 0.7f, 0f }));
            Assert.That(stored[4], Is.Null);
        });
    }

    [Test]
    public async Task Npgsql_orders_by_cosine_distance_with_a_vector_parameter()
    {
        await using var knn = DataSource.CreateCommand("SELECT label FROM probe.vectors WHERE embedding IS NOT NULL ORDER BY embedding <=> @q LIMIT 2");
        knn.Parameters.AddWithValue("q", new Vector(new[] { 0.9f, 0.2f, 0f }));
        var nearest = new List<string>();
        await using var reader = await knn.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            nearest.Add(reader.GetString(0));
        }

        Assert.That(nearest, Is.EqualTo(new[] { "east", "north-east" }));
    }

    [Test]
    public async Task A_vector_of_the_wrong_dimension_is_refused_by_the_database()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await Execute(connection, "CREATE TABLE probe.dimension_check (id int PRIMARY KEY, embedding vector(3))");
        await using var insert = new NpgsqlCommand("INSERT INTO probe.dimension_check VALUES (1, @v)", connection);
        insert.Parameters.AddWithValue("v", new Vector(new[] { 1f, 2f }));

        var error = Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.That(error!.MessageText, Does.Contain("expected 3 dimensions"));
    }

    [Test]
    public async Task A_mapped_vector_property_round_trips_through_ef_and_a_null_stays_null()
    {
        await using var db = NewSamples();
        var samples = await db.Samples.AsNoTracking().OrderBy(s => s.Id).ToDictionaryAsync(s => s.Id);

        Assert.Multiple(() =>
        {
            Assert.That(samples[2].Embedding, Is.EqualTo(new Vector(new[] { 0f, 1f, 0f })));
            Assert.That(samples[3].Embedding!.ToArray(), Is.EqualTo(new[] { 0.7f, 0.7f, 0f }));
            Assert.That(samples[4].Embedding, Is.Null);
        });

        // Through the change tracker as well: an insert, an update to another value, an update to null.
        db.Samples.Add(new VectorSample { Id = 10, Label = "scratch", Embedding = new Vector(new[] { 0.5f, 0.5f, 0.5f }) });
        await db.SaveChangesAsync();
        var inserted = await ReadEmbeddingAsync(10);
        var scratch = await db.Samples.SingleAsync(s => s.Id == 10);
        scratch.Embedding = new Vector(new[] { 0f, 0f, 2f });
        await db.SaveChangesAsync();
        var updated = await ReadEmbeddingAsync(10);
        scratch.Embedding = null;
        await db.SaveChangesAsync();
        var cleared = await ReadEmbeddingAsync(10);
        db.Samples.Remove(scratch);
        await db.SaveChangesAsync();

        Assert.Multiple(() =>
        {
            Assert.That(inserted, Is.EqualTo(new Vector(new[] { 0.5f, 0.5f, 0.5f })));
            Assert.That(updated, Is.EqualTo(new Vector(new[] { 0f, 0f, 2f })));
            Assert.That(cleared, Is.Null);
        });
    }

    [Test]
    public async Task Linq_cosine_distance_orders_nearest_first_and_returns_the_distance()
    {
        await using var db = NewSamples();
        var query = new Vector(new[] { 0.9f, 0.2f, 0f });
        var nearest = await db.Samples.AsNoTracking()
            .Where(s => s.Embedding != null)
            .OrderBy(s => s.Embedding!.CosineDistance(query))
            .Select(s => new { s.Label, Distance = s.Embedding!.CosineDistance(query) })
            .ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(nearest.Select(n => n.Label), Is.EqualTo(new[] { "east", "north-east", "north" }));
            // cos(east, q) = 0.9 / |q|, |q| = sqrt(0.85); distance = 1 - cos.
            Assert.That(nearest[0].Distance, Is.EqualTo(1 - (0.9 / Math.Sqrt(0.85))).Within(1e-6));
            Assert.That(nearest, Is.Ordered.By("Distance"));
        });
    }

    [Test]
    public async Task The_hnsw_index_declared_in_the_model_is_what_the_linq_query_runs_on()
    {
        await using var db = NewSamples();
        var indexes = await db.Database.SqlQueryRaw<string>(
            "SELECT indexdef AS \"Value\" FROM pg_indexes WHERE schemaname = 'vector_samples' AND indexname = 'ix_samples_embedding'").ToListAsync();
        Assert.That(indexes, Has.Count.EqualTo(1));
        Assert.That(indexes[0], Does.Contain("USING hnsw (embedding vector_cosine_ops)").And.Contain("m='8'").And.Contain("ef_construction='32'"));

        // Four rows would be read sequentially; with that plan off, the query must be one the index can answer.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off");
        var query = new Vector(new[] { 0.9f, 0.2f, 0f });
        await using var command = db.Samples.OrderBy(s => s.Embedding!.CosineDistance(query)).Take(2).Select(s => s.Id).CreateDbCommand();
        command.CommandText = "EXPLAIN " + command.CommandText;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.That(string.Join('\n', plan), Does.Contain("Index Scan using ix_samples_embedding"));
    }

    /// <summary>Reads one sample in a new context, so the value comes from the database, not the change tracker.</summary>
    private async Task<Vector?> ReadEmbeddingAsync(int id)
    {
        await using var db = NewSamples();
        return await db.Samples.AsNoTracking().Where(s => s.Id == id).Select(s => s.Embedding).SingleAsync();
    }

    private VectorSamplesDbContext NewSamples() =>
        new(new DbContextOptionsBuilder<VectorSamplesDbContext>().UseNpgsql(DataSource).Options, NobodyCurrentUser.Instance, TimeProvider.System);

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A module context of the tests' own, so EF sees vectors through the same base every module uses.</summary>
internal sealed class VectorSamplesDbContext(DbContextOptions<VectorSamplesDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : ModuleDbContext(options, currentUser, clock)
{
    public override string Schema => "vector_samples";

    public DbSet<VectorSample> Samples => Set<VectorSample>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<VectorSample>(sample =>
        {
            sample.HasKey(s => s.Id);
            sample.Property(s => s.Id).ValueGeneratedNever();
            sample.Property(s => s.Embedding).HasColumnType("vector(3)");
            sample.HasIndex(s => s.Embedding).HasMethod("hnsw").HasOperators("vector_cosine_ops")
                .HasStorageParameter("m", 8).HasStorageParameter("ef_construction", 32);
        });
    }
}

internal sealed class VectorSample
{
    public int Id { get; set; }

    public string Label { get; set; } = string.Empty;

    public Vector? Embedding { get; set; }
}
