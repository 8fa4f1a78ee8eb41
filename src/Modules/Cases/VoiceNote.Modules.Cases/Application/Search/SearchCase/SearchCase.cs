using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Notes.Contracts;

namespace VoiceNote.Modules.Cases.Application.Search.SearchCase;

/// <summary>How a case search matches: both fused (the default), words only (full text), or meaning only.</summary>
internal enum CaseSearchMode
{
    Hybrid,
    Fulltext,
    Semantic,
}

/// <summary>
/// Searches the notes of a case and the transcripts of its recordings by words, by meaning or both, with Notes' own
/// search restricted to what the case holds (docs/decisions/0080): never a note outside the case, even the caller's.
/// </summary>
[Requires(Scope = ApiScopes.CasesRead)]
[CaseAccess(CasePermission.Read)]
internal sealed record SearchCase(Guid CaseId, string Q, CaseSearchMode Mode = CaseSearchMode.Hybrid, int Limit = SearchCase.DefaultLimit)
    : IQuery<CaseSearchResultsDto>, ICaseRequest
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;
    public const int MaxQueryLength = 500;
}

internal sealed record CaseSearchResultsDto(CaseSearchMode Mode, string Query, bool SemanticAvailable, string EmbeddingModel, IReadOnlyList<CaseSearchHitDto> Items);

/// <summary>
/// A note of the case that matched (<see cref="Id"/> is the note's id): whose it is, a snippet (HTML-escaped, the query's words in &lt;mark&gt;), the
/// score and ranks as in a user's own search, and the passage that matched (with its time in the recording, when known).
/// </summary>
internal sealed record CaseSearchHitDto(
    Guid Id,
    Guid OwnerId,
    string? OwnerName,
    Guid? AudioId,
    string? Title,
    string Snippet,
    double Score,
    int? TextRank,
    int? SemanticRank,
    double? Similarity,
    DateTimeOffset RecordedAt,
    CaseSearchPassageDto? Passage);

internal sealed record CaseSearchPassageDto(string Text, int? StartMs, int? EndMs);

internal sealed class SearchCaseValidator : AbstractValidator<SearchCase>
{
    public SearchCaseValidator()
    {
        RuleFor(s => s.Q).NotEmpty().Must(q => q.Trim().Length > 0).MaximumLength(SearchCase.MaxQueryLength).OverridePropertyName("q");
        RuleFor(s => s.Mode).IsInEnum().OverridePropertyName("mode");
        RuleFor(s => s.Limit).InclusiveBetween(1, SearchCase.MaxLimit).OverridePropertyName("limit");
    }
}

internal sealed class SearchCaseHandler(CasesDbContext db, ICurrentUser caller, INotesModule notes, IIdentityModule identity)
    : IQueryHandler<SearchCase, CaseSearchResultsDto>
{
    public async Task<Result<CaseSearchResultsDto>> Handle(SearchCase request, CancellationToken cancellationToken)
    {
        // What the case vouches for: its linked notes, and the recordings it holds, whose transcripts are notes in Notes
        // (keyed by audio id).
        var noteIds = await db.Notes.AsNoTracking().Where(n => n.CaseId == request.CaseId).Select(n => n.NoteId).ToListAsync(cancellationToken);
        var audioIds = await db.Recordings.AsNoTracking().Where(r => r.CaseId == request.CaseId).Select(r => r.AudioId).ToListAsync(cancellationToken);

        var mode = request.Mode switch
        {
            CaseSearchMode.Fulltext => NoteSearchMode.Text,
            CaseSearchMode.Semantic => NoteSearchMode.Semantic,
            _ => NoteSearchMode.Hybrid,
        };
        var query = request.Q.Trim();
        var found = await notes.SearchWithinAsync(new NoteSearchWithin(caller.Id, query, mode, request.Limit, noteIds, audioIds), cancellationToken);
        if (found.IsFailure)
        {
            return found.Error;
        }

        var owners = (await identity.GetUsersAsync(found.Value.Items.Select(h => new UserId(h.OwnerId)).Distinct().ToList(), cancellationToken))
            .ToDictionary(u => u.UserId.Value);
        var items = found.Value.Items.Select(h => new CaseSearchHitDto(
            h.NoteId, h.OwnerId, owners.GetValueOrDefault(h.OwnerId)?.DisplayName, h.AudioId, h.Title, h.Snippet, h.Score, h.TextRank, h.SemanticRank,
            h.Similarity, h.RecordedAt, h.Passage is { } p ? new CaseSearchPassageDto(p.Text, p.StartMs, p.EndMs) : null)).ToList();
        return new CaseSearchResultsDto(request.Mode, query, found.Value.SemanticAvailable, found.Value.EmbeddingModel, items);
    }
}

internal sealed class SearchCaseEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/cases/{id}/search", async (Guid id, string? q, string? mode, int? limit, ISender sender, CancellationToken ct) =>
            {
                var parsed = CaseSearchMode.Hybrid;
                if (mode is not null && !TryParseMode(mode, out parsed))
                {
                    return ProblemResults.From(ValidationError.For("mode", $"Use {string.Join(", ", ApiEnum<CaseSearchMode>.Names)} (or TEXT)."));
                }

                return (await sender.Send(new SearchCase(id, q ?? string.Empty, parsed, limit ?? SearchCase.DefaultLimit), ct)).ToOk();
            })
            .RequireScope(ApiScopes.CasesRead).WithTags("Cases")
            .WithName("searchCase").Produces<CaseSearchResultsDto>()
            // The caller's own remote embedding engine may refuse (rate limit) or be down.
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Search a case's notes and its recordings' transcripts by words (fulltext), by meaning (semantic) or both (hybrid, the default)");

    /// <summary>FULLTEXT, SEMANTIC or HYBRID in any case; TEXT too, the word the notes search uses.</summary>
    private static bool TryParseMode(string text, out CaseSearchMode mode)
    {
        if (string.Equals(text.Trim(), "text", StringComparison.OrdinalIgnoreCase))
        {
            mode = CaseSearchMode.Fulltext;
            return true;
        }

        return ApiEnum<CaseSearchMode>.TryParse(text, out mode);
    }
}
