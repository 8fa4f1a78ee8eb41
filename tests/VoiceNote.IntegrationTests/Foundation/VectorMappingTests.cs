using Npgsql;
using VoiceNote.Infrastructure.Vectors;

namespace VoiceNote.IntegrationTests.Foundation;

/// <summary>The shared pgvector mapping against the real extension: write, read back, nearest neighbours.</summary>
public sealed class VectorMappingTests : Harness.DatabaseFixture
{
    [Test]
    public async Task Vectors_round_trip_and_order_by_cosine_distance()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, $"ALTER TABLE probe.vectors ADD COLUMN embedding {PgVector.ColumnType(3)}");

        var rows = new (int Id, string Label, float[]? Vector)[]
        {
            (1, "east", [1f, 0f, 0f]),
            (2, "north", [0f, 1f, 0f]),
            (3, "north-east", [0.7f, 0.7f, 0f]),
            (4, "unembedded", null),
        };
        foreach (var (id, label, vector) in rows)
        {
            await using var insert = new NpgsqlCommand("INSERT INTO probe.vectors (id, label, embedding) VALUES (@id, @label, @v)", connection);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("label", label);
            insert.Parameters.Add(vector is null ? new NpgsqlParameter("v", DBNull.Value) : PgVector.Parameter("v", vector));
            await insert.ExecuteNonQueryAsync();
        }

        var stored = new Dictionary<int, float[]?>();
        await using (var read = new NpgsqlCommand($"SELECT id, {PgVector.Readable("embedding")} FROM probe.vectors", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored[reader.GetInt32(0)] = PgVector.Read(reader, 1);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(stored[1], Is.EqualTo(new[] { 1f, 0f, 0f }));
            Assert.That(stored[3], Is.EqualTo(new[] { 0.7f, 0.7f, 0f }));
            Assert.That(stored[4], Is.Null);
        });

        var nearest = new List<string>();
        var sql = $"SELECT label FROM probe.vectors WHERE embedding IS NOT NULL ORDER BY {PgVector.CosineDistance("embedding", "q")} LIMIT 2";
        await using (var knn = new NpgsqlCommand(sql, connection))
        {
            knn.Parameters.Add(PgVector.Parameter("q", new[] { 0.9f, 0.2f, 0f }));
            await using var reader = await knn.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                nearest.Add(reader.GetString(0));
            }
        }

        Assert.That(nearest, Is.EqualTo(new[] { "east", "north-east" }));
    }

    [Test]
    public async Task A_vector_of_the_wrong_dimension_is_refused_by_the_database()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, $"CREATE TABLE probe.dimension_check (id int PRIMARY KEY, embedding {PgVector.ColumnType(3)})");
        await using var insert = new NpgsqlCommand("INSERT INTO probe.dimension_check VALUES (1, @v)", connection);
        insert.Parameters.Add(PgVector.Parameter("v", new[] { 1f, 2f }));

        var error = Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.That(error!.MessageText, Does.Contain("expected 3 dimensions"));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
