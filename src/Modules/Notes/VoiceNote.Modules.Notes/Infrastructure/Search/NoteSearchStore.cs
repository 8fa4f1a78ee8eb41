using System.Text;
using Npgsql;
using NpgsqlTypes;
using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Infrastructure.Search;

/// <summary>How words of a query are combined for full-text search.</summary>
internal enum WordMatch
{
    /// <summary>websearch_to_tsquery: all words, "quoted phrases", -exclusions (the text mode).</summary>
    AllWords,

    /// <summary>Any word, ranked by how many and how close (the text half of hybrid, and snippets).</summary>
    AnyWord,
}

/// <summary>A note as a search result shows it.</summary>
internal sealed record SearchRow(
    Guid Id,
    Guid OwnerId,
    string? Title,
    DateTimeOffset RecordedAt,
    NotePriority Priority,
    NoteStatus Status,
    bool IsPinned,
    bool IsArchived,
    bool IsDeleted,
    string Snippet);

/// <summary>
/// The search queries. Full text runs as SQL through Npgsql because EF does not map the generated
/// tsvector (docs/decisions/0021); search by meaning is over passages (NotePassageStore, docs/decisions/0072). Every query takes the owner: user searches pass the caller and see only
/// their own notes; only admin use cases pass null (all owners), and a search within a case passes null with the
/// case's note ids, which the Cases module vouches for (docs/decisions/0080). Trashed notes are left out unless an
/// admin asks for them.
/// </summary>
internal sealed partial class NoteSearchStore(NpgsqlDataSource dataSource)
{
    private const string Config = NotesSearchSchema.TextConfiguration;

    /// <summary>ts_headline options: marked matches, up to two fragments of a sentence or so.</summary>
    private const string HeadlineOptions = "StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=\" … \"";

    /// <summary>Notes whose text matches, best first (ts_rank_cd, normalised to 0..1).</summary>
    /// <param name="within">When given, only these notes (of any owner) are looked at: a case's (docs/decisions/0080).</param>
    public async Task<List<(Guid Id, double Rank)>> MatchTextAsync(
        UserId? owner, string query, WordMatch match, int limit, bool includeDeleted, IReadOnlyCollection<Guid>? within, CancellationToken cancellationToken)
    {
        if (TsQuery(query, match) is not { } tsquery)
        {
            return [];
        }

        var sql = $"""
            SELECT n.id, ts_rank_cd(n.search_vector, q, 32) AS rank
            FROM {Table} n, {tsquery.Sql} q
            WHERE n.search_vector @@ q {OwnerClause(owner)} {WithinClause(within)} {DeletedClause(includeDeleted)}
            ORDER BY rank DESC, n.id
            LIMIT @limit
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("q", tsquery.Text);
        command.Parameters.AddWithValue("limit", limit);
        AddOwner(command, owner);
        AddWithin(command, within);
        var hits = new List<(Guid, double)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add((reader.GetGuid(0), reader.GetFloat(1)));
        }

        return hits;
    }

    /// <summary>
    /// How much of the query each note's words explain: the share of the query's lexemes (stop words dropped,
    /// stemmed as the index is) that occur in the note. Hybrid search weighs a note found by words alone with it.
    /// </summary>
    public async Task<Dictionary<Guid, double>> CoverageAsync(IReadOnlyCollection<Guid> ids, string query, CancellationToken cancellationToken)
    {
        var words = string.Join(' ', Words(query).Distinct().Take(32));
        if (ids.Count == 0 || words.Length == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(
            $"""
            WITH query AS (SELECT array_agg(DISTINCT l) AS lexemes FROM unnest(tsvector_to_array(to_tsvector('{Config}', @words))) l)
            SELECT n.id, (SELECT count(*) FROM unnest(tsvector_to_array(n.search_vector)) v WHERE v = ANY(query.lexemes))::float8
                         / greatest(coalesce(cardinality(query.lexemes), 0), 1)
            FROM {Table} n, query
            WHERE n.id = ANY(@ids)
            """);
        command.Parameters.AddWithValue("words", words);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var coverage = new Dictionary<Guid, double>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            coverage[reader.GetGuid(0)] = reader.GetDouble(1);
        }

        return coverage;
    }

    /// <summary>The display rows of some notes, with a snippet of their text where the query's words are marked.</summary>
    public async Task<Dictionary<Guid, SearchRow>> RowsAsync(UserId? owner, IReadOnlyCollection<Guid> ids, string query, WordMatch match, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var tsquery = TsQuery(query, match) ?? new TsQueryText($"to_tsquery('{Config}', @q)", string.Empty);
        // The text is HTML-escaped before ts_headline adds its <mark> tags, so a snippet is safe to render as HTML.
        const string document = "replace(replace(replace(concat_ws(' — ', n.title, n.summary, nullif(n.search_transcripts, '')), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')";
        var sql = $"""
            SELECT n.id, n.owner_id, n.title, n.recorded_at, n.priority, n.status, n.is_pinned, n.is_archived, n.is_deleted,
                   ts_headline('{Config}', {document}, q, '{HeadlineOptions}')
            FROM {Table} n, {tsquery.Sql} q
            WHERE n.id = ANY(@ids) {OwnerClause(owner)}
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("q", tsquery.Text);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        AddOwner(command, owner);
        var rows = new Dictionary<Guid, SearchRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new SearchRow(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                (NotePriority)reader.GetInt16(4),
                (NoteStatus)reader.GetInt16(5),
                reader.GetBoolean(6),
                reader.GetBoolean(7),
                reader.GetBoolean(8),
                reader.GetString(9));
            rows[row.Id] = row;
        }

        return rows;
    }

    private const string Table = $"{NotesSearchSchema.Schema}.{NotesSearchSchema.Table}";

    private static string OwnerClause(UserId? owner) => owner is null ? string.Empty : "AND n.owner_id = @owner";

    private static string WithinClause(IReadOnlyCollection<Guid>? within) => within is null ? string.Empty : "AND n.id = ANY(@within)";

    private static void AddWithin(NpgsqlCommand command, IReadOnlyCollection<Guid>? within)
    {
        if (within is not null)
        {
            command.Parameters.AddWithValue("within", within.ToArray());
        }
    }

    private static string DeletedClause(bool includeDeleted) => includeDeleted ? string.Empty : "AND NOT n.is_deleted";

    private static void AddOwner(NpgsqlCommand command, UserId? owner)
    {
        if (owner is { } id)
        {
            command.Parameters.Add(new NpgsqlParameter("owner", NpgsqlDbType.Uuid) { Value = id.Value });
        }
    }

    /// <summary>The tsquery SQL and its parameter text; null when the query has no word to search for.</summary>
    private static TsQueryText? TsQuery(string query, WordMatch match)
    {
        if (match == WordMatch.AllWords)
        {
            return string.IsNullOrWhiteSpace(query) ? null : new TsQueryText($"websearch_to_tsquery('{Config}', @q)", query);
        }

        // Words only (letters and digits), so the text cannot carry tsquery syntax; joined with OR.
        var words = Words(query).Distinct().Take(32).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var word in words)
        {
            text.Append(text.Length == 0 ? string.Empty : " | ").Append(word);
        }

        return new TsQueryText($"to_tsquery('{Config}', @q)", text.ToString());
    }

    /// <summary>The any-word tsquery text of a query (words joined with |), or empty: passages are matched with it.</summary>
    public static string AnyWordQueryText(string query) => TsQuery(query, WordMatch.AnyWord)?.Text ?? string.Empty;

    /// <summary>Lower-cased runs of letters and digits: nothing of tsquery's syntax survives.</summary>
    private static IEnumerable<string> Words(string text) => WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value);

    [System.Text.RegularExpressions.GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial System.Text.RegularExpressions.Regex WordPattern();

    private sealed record TsQueryText(string Sql, string Text);
}
