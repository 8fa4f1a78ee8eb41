using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Pgvector;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Benchmarks;

/// <summary>
/// Fills notes.notes with COPY BINARY: the measured user's notes plus other owners' notes, with their
/// one passage each whose vector is a stand-in (SyntheticVectors: the real model is too slow for 200,000
/// notes), then builds the search indexes and reports how long each part took.
/// </summary>
internal sealed class Seeder(string connectionString, TextWriter log)
{
    private const string Model = SyntheticVectors.Model;

    /// <param name="smallUserNotes">Notes of one more owner after the measured user's: the small end of the recall check (a filtered HNSW scan must still find a few notes among many).</param>
    public async Task<Dictionary<string, TimeSpan>> SeedAsync(Guid measuredUser, int measuredNotes, int smallUserNotes, int otherUsers, int totalNotes, string maintenanceWorkMem, int parallelWorkers)
    {
        var timings = new Dictionary<string, TimeSpan>();
        // COPY writes the vector column through pgvector's Npgsql type handler.
        var sourceBuilder = new NpgsqlDataSourceBuilder(connectionString);
        sourceBuilder.UseVector();
        await using var dataSource = sourceBuilder.Build();
        await using var connection = await dataSource.OpenConnectionAsync();
        await ExecuteAsync(connection, $"DROP INDEX IF EXISTS notes.{NotesSearchSchema.ModelIndexName(Model)}; DROP INDEX IF EXISTS notes.ix_notes_search_vector; TRUNCATE notes.notes CASCADE;");

        var owners = Enumerable.Range(0, otherUsers).Select(_ => Guid.CreateVersion7()).ToArray();
        var smallUser = Guid.CreateVersion7();
        var clock = Stopwatch.StartNew();
        var generator = new NoteTextGenerator(seed: 42);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var passages = new List<(Guid Id, Guid Owner, string Text, string Hash)>(totalNotes);
        await using (var importer = await connection.BeginBinaryImportAsync(
            """
            COPY notes.notes (id, owner_id, title, summary, recorded_at, priority, status, is_pinned, is_liked, is_archived, is_encrypted,
                is_deleted, document_urls, links, key_moments, moderation_status, created_at, updated_at, search_transcripts, content_hash,
                embedding_model, embedded_text_hash, embedded_at) FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < totalNotes; i++)
            {
                var owner = i < measuredNotes ? measuredUser : i < measuredNotes + smallUserNotes ? smallUser : owners[i % owners.Length];
                var (title, summary, transcript) = generator.Next();
                var at = start.AddMinutes(i * 3L);
                var text = title + "\n" + summary + "\n" + transcript;
                var hash = Note.Hash(text);
                await importer.StartRowAsync();
                var id = Guid.CreateVersion7(at);
                passages.Add((id, owner, text, hash));
                await importer.WriteAsync(id, NpgsqlDbType.Uuid);
                await importer.WriteAsync(owner, NpgsqlDbType.Uuid);
                await importer.WriteAsync(title, NpgsqlDbType.Varchar);
                await importer.WriteAsync(summary, NpgsqlDbType.Varchar);
                await importer.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync((short)(1 + (i % 3)), NpgsqlDbType.Smallint);
                await importer.WriteAsync((short)(i % 3), NpgsqlDbType.Smallint);
                await importer.WriteAsync(i % 9 == 0, NpgsqlDbType.Boolean);
                await importer.WriteAsync(i % 7 == 0, NpgsqlDbType.Boolean);
                await importer.WriteAsync(i % 13 == 0, NpgsqlDbType.Boolean);
                await importer.WriteAsync(false, NpgsqlDbType.Boolean);
                await importer.WriteAsync(i % 50 == 0, NpgsqlDbType.Boolean);
                await importer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await importer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await importer.WriteAsync("[]", NpgsqlDbType.Jsonb);
                await importer.WriteAsync((short)0, NpgsqlDbType.Smallint);
                await importer.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(transcript, NpgsqlDbType.Text);
                await importer.WriteAsync(hash, NpgsqlDbType.Varchar);
                await importer.WriteAsync(Model, NpgsqlDbType.Varchar);
                await importer.WriteAsync(hash, NpgsqlDbType.Varchar);
                await importer.WriteAsync(at, NpgsqlDbType.TimestampTz);
                if ((i + 1) % 50_000 == 0)
                {
                    log.WriteLine($"  copied {i + 1:N0} notes ({clock.Elapsed.TotalSeconds:F0} s)");
                }
            }

            await importer.CompleteAsync();
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY notes.note_passages (note_id, owner_id, model, ordinal, text, text_hash, embedding) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, owner, text, hash) in passages)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(id, NpgsqlDbType.Uuid);
                await importer.WriteAsync(owner, NpgsqlDbType.Uuid);
                await importer.WriteAsync(Model, NpgsqlDbType.Varchar);
                await importer.WriteAsync(0, NpgsqlDbType.Integer);
                await importer.WriteAsync(text, NpgsqlDbType.Text);
                await importer.WriteAsync(hash, NpgsqlDbType.Varchar);
                await importer.WriteAsync(new Vector(SyntheticVectors.Of(text)));
            }

            await importer.CompleteAsync();
        }

        timings["copy (incl. embedding + tsvector)"] = clock.Elapsed;

        clock.Restart();
        await ExecuteAsync(connection, "CREATE INDEX ix_notes_search_vector ON notes.notes USING gin (search_vector)");
        timings["GIN build"] = clock.Elapsed;

        clock.Restart();
        await ExecuteAsync(connection, $"SET maintenance_work_mem = '{maintenanceWorkMem}'; SET max_parallel_maintenance_workers = {parallelWorkers};" +
            NotesSearchSchema.CreateModelIndex(Model, SyntheticVectors.Size));
        timings[$"HNSW build (maintenance_work_mem {maintenanceWorkMem}, {parallelWorkers} workers)"] = clock.Elapsed;

        clock.Restart();
        // One statement a command: VACUUM cannot run inside the implicit transaction of a multi-statement batch.
        await ExecuteAsync(connection, "VACUUM ANALYZE notes.notes");
        await ExecuteAsync(connection, "VACUUM ANALYZE notes.note_passages");
        timings["VACUUM ANALYZE"] = clock.Elapsed;
        return timings;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
