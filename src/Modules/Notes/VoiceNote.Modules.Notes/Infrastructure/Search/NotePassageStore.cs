using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;
using Pgvector;
using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.Notes.Application.Search.Passages;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Infrastructure.Search;

/// <summary>A note's best passage for a query by meaning.</summary>
internal sealed record PassageHit(Guid NoteId, double Distance, string Text, int? StartMs, int? EndMs);

/// <summary>
/// The passages table (docs/decisions/0072) in SQL: EF cannot say a cast to the model's dimension, and
/// the per-model partial HNSW index is used only by a query that repeats its expression and predicate.
/// </summary>
internal sealed class NotePassageStore(NpgsqlDataSource dataSource)
{
    private const string Table = $"{NotesSearchSchema.Schema}.{NotesSearchSchema.PassageTable}";

    /// <summary>Indexes known to exist in this process (per database), so the DDL runs once per model.</summary>
    private static readonly ConcurrentDictionary<string, bool> KnownIndexes = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates the model's HNSW index if it has none yet: a remote model gets its index the first time it is
    /// used. An advisory lock serialises two processes doing it at once.
    /// </summary>
    public async Task EnsureIndexAsync(string model, int dimensions, CancellationToken cancellationToken)
    {
        var key = $"{dataSource.ConnectionString}|{model}|{dimensions}";
        if (KnownIndexes.ContainsKey(key))
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock(hashtext('note_passages_index')); {NotesSearchSchema.CreateModelIndex(model, dimensions)}", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        KnownIndexes[key] = true;
    }

    /// <summary>
    /// Replaces a note's passages with these (of one model) and marks the note embedded, only if its text is
    /// still the one they were cut from: a newer change wins a race. False when the text moved on.
    /// </summary>
    public async Task<bool> ReplaceAsync(
        Guid noteId, UserId owner, string contentHash, string? model, IReadOnlyList<PassageText> passages, IReadOnlyList<float[]> vectors, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var mark = new NpgsqlCommand(
            $"""
            UPDATE {NotesSearchSchema.Schema}.{NotesSearchSchema.Table} SET embedding_model = @model, embedded_text_hash = @hash, embedded_at = @now
            WHERE id = @id AND content_hash = @hash
            """, connection, transaction))
        {
            mark.Parameters.AddWithValue("id", noteId);
            mark.Parameters.AddWithValue("hash", contentHash);
            mark.Parameters.Add(new NpgsqlParameter("model", NpgsqlDbType.Varchar) { Value = (object?)model ?? DBNull.Value });
            mark.Parameters.AddWithValue("now", now);
            if (await mark.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }

        await using (var clear = new NpgsqlCommand($"DELETE FROM {Table} WHERE note_id = @id", connection, transaction))
        {
            clear.Parameters.AddWithValue("id", noteId);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        if (passages.Count > 0)
        {
            await using var importer = await connection.BeginBinaryImportAsync(
                $"COPY {Table} (note_id, owner_id, model, ordinal, text, start_ms, end_ms, text_hash, embedding) FROM STDIN (FORMAT BINARY)", cancellationToken);
            for (var i = 0; i < passages.Count; i++)
            {
                var passage = passages[i];
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(noteId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(owner.Value, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(model!, NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(passage.Ordinal, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(passage.Text, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(importer, passage.StartMs, cancellationToken);
                await WriteNullableAsync(importer, passage.EndMs, cancellationToken);
                await importer.WriteAsync(contentHash, NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(new Vector(vectors[i]), cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The notes nearest the query by their best passage, among vectors of <paramref name="model"/> only,
    /// through that model's HNSW index (the cast and the model literal match the index's). pgvector 0.8's
    /// iterative scan keeps walking the graph until enough passages pass the owner filter; more passages
    /// than notes are taken, because a long note's neighbouring passages are near the query together.
    /// </summary>
    /// <param name="forceIndex">
    /// Makes the planner take the HNSW index even where it would compute every distance of the owner's
    /// passages (exact, and cheaper for small owners); only recall checks use it, to measure the index itself.
    /// </param>
    /// <param name="within">
    /// When given, only these notes' passages (of any owner): a case's (docs/decisions/0080). Their distances are
    /// all computed (the primary key finds the passages; a case holds few notes), so the result is exact.
    /// </param>
    public async Task<List<PassageHit>> NearestAsync(
        UserId? owner, float[] vector, string model, int dimensions, int limit, double maxDistance, int efSearch, bool includeDeleted, CancellationToken cancellationToken,
        bool forceIndex = false, IReadOnlyCollection<Guid>? within = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var settings = new NpgsqlCommand(forceIndex ? IndexOnlySettings : HnswSettings, connection, transaction))
        {
            settings.Parameters.AddWithValue("ef", efSearch.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(NearestSql(owner is not null, model, dimensions, includeDeleted, within is not null), connection, transaction);
        command.Parameters.AddWithValue("q", new Vector(vector));
        if (within is null)
        {
            command.Parameters.AddWithValue("candidates", Candidates(limit));
        }
        else
        {
            command.Parameters.AddWithValue("within", within.ToArray());
        }

        if (owner is { } id)
        {
            command.Parameters.Add(new NpgsqlParameter("owner", NpgsqlDbType.Uuid) { Value = id.Value });
        }

        var best = new Dictionary<Guid, PassageHit>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var hit = new PassageHit(
                    reader.GetGuid(0), reader.GetDouble(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetInt32(4));
                if (!best.TryGetValue(hit.NoteId, out var known) || hit.Distance < known.Distance)
                {
                    best[hit.NoteId] = hit;
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return best.Values.Where(h => h.Distance <= maxDistance).OrderBy(h => h.Distance).ThenBy(h => h.NoteId).Take(limit).ToList();
    }

    /// <summary>Passages the scan returns for k notes: a long note can hold several of the nearest.</summary>
    internal static int Candidates(int limit) => Math.Max(limit * 4, 40);

    /// <summary>The nearest-passages query (tests read its plan).</summary>
    internal static string NearestSql(bool byOwner, string model, int dimensions, bool includeDeleted, bool withinNotes = false)
    {
        var expression = NotesSearchSchema.VectorExpression(dimensions, "p.");
        if (withinNotes)
        {
            // A given set of notes (a case's) is small: each note's best passage by every distance, never through the HNSW
            // index, whose filtered scan can stop before it reaches a small set's passages (docs/decisions/0072).
            return $"""
                SELECT DISTINCT ON (p.note_id) p.note_id, {expression} <=> @q::vector({dimensions}) AS distance, p.text, p.start_ms, p.end_ms
                FROM {Table} p JOIN {NotesSearchSchema.Schema}.{NotesSearchSchema.Table} n ON n.id = p.note_id
                WHERE p.model = {NotesSearchSchema.ModelLiteral(model)} AND p.note_id = ANY(@within) {(byOwner ? "AND p.owner_id = @owner" : string.Empty)}
                      {(includeDeleted ? string.Empty : "AND NOT n.is_deleted")}
                ORDER BY p.note_id, distance
                """;
        }

        return $"""
            WITH nearest AS MATERIALIZED (
                SELECT p.note_id, p.text, p.start_ms, p.end_ms, {expression} <=> @q::vector({dimensions}) AS distance
                FROM {Table} p
                WHERE p.model = {NotesSearchSchema.ModelLiteral(model)} {(byOwner ? "AND p.owner_id = @owner" : string.Empty)}
                ORDER BY {expression} <=> @q::vector({dimensions})
                LIMIT @candidates)
            SELECT x.note_id, x.distance, x.text, x.start_ms, x.end_ms
            FROM nearest x JOIN {NotesSearchSchema.Schema}.{NotesSearchSchema.Table} n ON n.id = x.note_id
            {(includeDeleted ? string.Empty : "WHERE NOT n.is_deleted")}
            """;
    }

    /// <summary>For each note, its passage where the query's words weigh most, for a full-text hit's moment.</summary>
    public async Task<Dictionary<Guid, PassageHit>> BestByWordsAsync(IReadOnlyCollection<Guid> noteIds, string tsqueryText, CancellationToken cancellationToken)
    {
        if (noteIds.Count == 0 || tsqueryText.Length == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(
            $"""
            SELECT DISTINCT ON (p.note_id) p.note_id, p.text, p.start_ms, p.end_ms
            FROM {Table} p, to_tsquery('{NotesSearchSchema.TextConfiguration}', @q) q
            WHERE p.note_id = ANY(@ids) AND to_tsvector('{NotesSearchSchema.TextConfiguration}', p.text) @@ q
            ORDER BY p.note_id, ts_rank_cd(to_tsvector('{NotesSearchSchema.TextConfiguration}', p.text), q, 32) DESC, p.ordinal
            """);
        command.Parameters.AddWithValue("ids", noteIds.ToArray());
        command.Parameters.AddWithValue("q", tsqueryText);
        var hits = new Dictionary<Guid, PassageHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            hits[id] = new PassageHit(id, 0, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt32(3));
        }

        return hits;
    }

    /// <summary>pgvector 0.8's iterative scan and the HNSW candidate list, for this transaction only.</summary>
    private const string HnswSettings = "SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', @ef, true)";

    /// <summary>The same, with every plan but the index scan switched off (recall checks only).</summary>
    private const string IndexOnlySettings = HnswSettings +
        ", set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true)";

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, int? value, CancellationToken cancellationToken)
    {
        if (value is { } v)
        {
            await importer.WriteAsync(v, NpgsqlDbType.Integer, cancellationToken);
        }
        else
        {
            await importer.WriteNullAsync(cancellationToken);
        }
    }
}
