using FluentValidation;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Embeddings;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Search;

namespace VoiceNote.Modules.Notes.Application.Search.SearchNotes;

internal enum SearchMode
{
    /// <summary>Both, fused by reciprocal rank (the default).</summary>
    Hybrid,

    /// <summary>Full text: all words (websearch syntax: "phrases", -exclusions).</summary>
    Text,

    /// <summary>By meaning: nearest embeddings of the same model.</summary>
    Semantic,
}

/// <summary>Searches the caller's notes (never the trash, never anybody else's).</summary>
[Requires(Scope = ApiScopes.NotesRead)]
internal sealed record SearchNotes(string Q, SearchMode Mode = SearchMode.Hybrid, int Limit = SearchNotes.DefaultLimit) : IQuery<SearchResultsDto>
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;
    public const int MaxQueryLength = 500;
}

internal sealed record SearchResultsDto(SearchMode Mode, string Query, bool SemanticAvailable, string EmbeddingModel, IReadOnlyList<SearchHitDto> Items);

/// <summary>
/// One result: the note, a snippet (HTML-escaped text with the query's words in &lt;mark&gt;), the fused
/// score, where it ranked in each half (null when that half did not find it), and the passage that
/// matched (docs/decisions/0072): the one nearest in meaning, else the one where the words weigh most.
/// </summary>
internal sealed record SearchHitDto(
    Guid Id,
    Guid OwnerId,
    string? Title,
    string Snippet,
    double Score,
    int? TextRank,
    int? SemanticRank,
    double? Similarity,
    DateTimeOffset RecordedAt,
    NotePriority Priority,
    NoteStatus Status,
    bool IsPinned,
    bool IsArchived,
    bool IsDeleted,
    MatchedPassageDto? Passage);

/// <summary>
/// The stretch of the note that matched, and when it was said in the recording (milliseconds from the
/// start; null when the text has no word timings), so a client can play from there.
/// </summary>
internal sealed record MatchedPassageDto(string Text, int? StartMs, int? EndMs);

internal sealed class SearchNotesValidator : AbstractValidator<SearchNotes>
{
    public SearchNotesValidator()
    {
        RuleFor(s => s.Q).NotEmpty().Must(q => q.Trim().Length > 0).MaximumLength(SearchNotes.MaxQueryLength).OverridePropertyName("q");
        RuleFor(s => s.Mode).IsInEnum();
        RuleFor(s => s.Limit).InclusiveBetween(1, SearchNotes.MaxLimit);
    }
}

internal sealed class SearchNotesHandler(
    NoteSearchStore store, NotePassageStore passages, ICurrentUser caller, IEmbeddingGenerator generator, QueryEmbeddings queryEmbeddings, IOptions<NotesSearchOptions> options)
    : IQueryHandler<SearchNotes, SearchResultsDto>
{
    public async Task<Result<SearchResultsDto>> Handle(SearchNotes request, CancellationToken cancellationToken)
    {
        var result = await NoteSearch.RunAsync(
            new NoteSearch.Request(caller.Id, request.Q.Trim(), request.Mode, request.Limit, IncludeDeleted: false),
            store, passages, generator, (q, ct) => queryEmbeddings.GetAsync(generator, caller.Id, q, ct), options.Value, cancellationToken);
        return result;
    }
}

/// <summary>
/// The search itself, shared by the user's search, the admin's (which passes no owner) and the search within a case
/// (no owner, and <see cref="Request.Within"/> the case's notes, which the Cases module vouches for; docs/decisions/0080).
/// </summary>
internal static class NoteSearch
{
    /// <param name="Within">When given, only these notes are searched, whoever owns them.</param>
    internal sealed record Request(UserId? Owner, string Query, SearchMode Mode, int Limit, bool IncludeDeleted, IReadOnlyCollection<Guid>? Within = null);

    public static async Task<Result<SearchResultsDto>> RunAsync(
        Request request,
        NoteSearchStore store,
        NotePassageStore passages,
        IEmbeddingGenerator generator,
        Func<string, CancellationToken, Task<Result<float[]>>> embedQuery,
        NotesSearchOptions options,
        CancellationToken cancellationToken)
    {
        var (owner, query, mode, limit, within) = (request.Owner, request.Query, request.Mode, request.Limit, request.Within);
        if (within is { Count: 0 })
        {
            return new SearchResultsDto(mode, query, mode != SearchMode.Text, generator.Model, []);
        }

        var pool = mode == SearchMode.Hybrid ? Math.Max(options.HybridCandidates, limit) : limit;
        var textMatch = mode == SearchMode.Text ? WordMatch.AllWords : WordMatch.AnyWord;

        List<(Guid Id, double Rank)> text = [];
        if (mode != SearchMode.Semantic)
        {
            text = await store.MatchTextAsync(owner, query, textMatch, pool, request.IncludeDeleted, within, cancellationToken);
        }

        List<PassageHit> semantic = [];
        var semanticAvailable = mode != SearchMode.Text;
        if (mode != SearchMode.Text)
        {
            try
            {
                var vector = await embedQuery(query, cancellationToken);
                if (vector.IsFailure)
                {
                    return vector.Error;
                }

                // A query without a single word has no direction (a zero vector): nothing is near it.
                semantic = vector.Value.All(v => v == 0) ? [] : await passages.NearestAsync(
                    owner, vector.Value, generator.Model, generator.Dimensions, pool, 1 - options.MinSimilarity, options.EfSearch, request.IncludeDeleted, cancellationToken, within: within);
            }
            catch (EmbeddingUnavailableException) when (mode == SearchMode.Hybrid)
            {
                // The words still find what they find; the response says the meaning half was missing.
                semanticAvailable = false;
            }
            catch (EmbeddingUnavailableException)
            {
                return new Error("notes.embeddings_unavailable", "Search by meaning is unavailable right now; try the text mode.", ErrorKind.Unavailable);
            }
        }

        // In hybrid, a word hit counts as much as the share of the query's words the note contains: any-word
        // matching finds notes that share one common word with a long query, which says little (docs/decisions/0072).
        var coverage = mode == SearchMode.Hybrid ? await store.CoverageAsync(text.Select(t => t.Id).ToList(), query, cancellationToken) : null;
        var fused = Fuse(text, semantic.Select(h => (h.NoteId, h.Distance)).ToList(), options.HybridMeaningWeight, coverage).Take(limit).ToList();
        var rows = await store.RowsAsync(owner, fused.Select(f => f.Id).ToList(), query, textMatch, cancellationToken);
        var byMeaning = semantic.ToDictionary(h => h.NoteId);
        // A note found by its words alone points to the passage where they weigh most.
        var byWords = await passages.BestByWordsAsync(
            fused.Where(f => !byMeaning.ContainsKey(f.Id)).Select(f => f.Id).ToList(), NoteSearchStore.AnyWordQueryText(query), cancellationToken);
        var items = fused.Where(f => rows.ContainsKey(f.Id)).Select(f =>
        {
            var row = rows[f.Id];
            var passage = byMeaning.GetValueOrDefault(f.Id) ?? byWords.GetValueOrDefault(f.Id);
            return new SearchHitDto(row.Id, row.OwnerId, row.Title, row.Snippet, f.Score, f.TextRank, f.SemanticRank, f.Similarity,
                row.RecordedAt, row.Priority, row.Status, row.IsPinned, row.IsArchived, row.IsDeleted,
                passage is null ? null : new MatchedPassageDto(passage.Text, passage.StartMs, passage.EndMs));
        }).ToList();
        return new SearchResultsDto(mode, query, semanticAvailable, generator.Model, items);
    }

    /// <summary>
    /// Fuses the halves by their scores, not their ranks (docs/decisions/0072): a note scores
    /// <paramref name="meaningWeight"/> × its cosine similarity plus the rest × its word rank (relative to the
    /// best word hit) × <paramref name="textWeights"/> (the share of the query's words it has), when given. Rank
    /// fusion made the first word hit worth as much as the first meaning hit, and its ranks are so flat that a
    /// coincidental word outweighed the gap between the best and the third note by meaning.
    /// </summary>
    internal static IEnumerable<(Guid Id, double Score, int? TextRank, int? SemanticRank, double? Similarity)> Fuse(
        IReadOnlyList<(Guid Id, double Rank)> text, IReadOnlyList<(Guid Id, double Distance)> semantic, double meaningWeight, IReadOnlyDictionary<Guid, double>? textWeights = null)
    {
        var byId = new Dictionary<Guid, (double Score, int? TextRank, int? SemanticRank, double? Similarity)>();
        var bestRank = text.Count == 0 ? 0 : text.Max(t => t.Rank);
        for (var i = 0; i < text.Count; i++)
        {
            var weight = textWeights is null ? 1 : textWeights.GetValueOrDefault(text[i].Id);
            var relative = bestRank > 0 ? text[i].Rank / bestRank : 0;
            byId[text[i].Id] = ((1 - meaningWeight) * relative * weight, i + 1, null, null);
        }

        for (var i = 0; i < semantic.Count; i++)
        {
            var (id, distance) = semantic[i];
            var current = byId.GetValueOrDefault(id);
            byId[id] = (current.Score + (meaningWeight * Math.Max(0, 1 - distance)), current.TextRank, i + 1, 1 - distance);
        }

        return byId.OrderByDescending(p => p.Value.Score).ThenBy(p => p.Value.TextRank ?? int.MaxValue).ThenBy(p => p.Key)
            .Select(p => (p.Key, p.Value.Score, p.Value.TextRank, p.Value.SemanticRank, p.Value.Similarity));
    }
}
