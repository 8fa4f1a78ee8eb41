using FluentValidation;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Embeddings;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Modules.Notes.Application.Search;
using VoiceNote.Modules.Notes.Application.Search.SearchNotes;
using VoiceNote.Modules.Notes.Infrastructure.Search;

namespace VoiceNote.Modules.Notes.Application.Admin.SearchAllNotes;

/// <summary>Searches every user's notes (the trash too, when asked), with the same modes as a user's search.</summary>
[Requires(Permission = AdminPermissions.CanViewAllNotes)]
internal sealed record SearchAllNotes(string Q, SearchMode Mode, int Limit, bool IncludeDeleted) : IQuery<SearchResultsDto>;

internal sealed class SearchAllNotesValidator : AbstractValidator<SearchAllNotes>
{
    public SearchAllNotesValidator()
    {
        RuleFor(s => s.Q).NotEmpty().Must(q => q.Trim().Length > 0).MaximumLength(SearchNotes.MaxQueryLength).OverridePropertyName("q");
        RuleFor(s => s.Limit).InclusiveBetween(1, SearchNotes.MaxLimit);
    }
}

internal sealed class SearchAllNotesHandler(
    NoteSearchStore store, NotePassageStore passages, ICurrentUser caller, IEmbeddingGenerator generator, QueryEmbeddings queryEmbeddings, IOptions<NotesSearchOptions> options)
    : IQueryHandler<SearchAllNotes, SearchResultsDto>
{
    public async Task<Result<SearchResultsDto>> Handle(SearchAllNotes request, CancellationToken cancellationToken)
    {
        // The query is embedded as the operator's (no owner key); the admin's own rate limit applies.
        return await NoteSearch.RunAsync(
            new NoteSearch.Request(null, request.Q.Trim(), request.Mode, request.Limit, request.IncludeDeleted),
            store, passages, generator, (q, ct) => queryEmbeddings.GetAsync(generator, caller.Id, q, ct), options.Value, cancellationToken);
    }
}

internal sealed class SearchAllNotesEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/notes/search", async (string? q, string? mode, int? limit, bool? includeDeleted, ISender sender, CancellationToken ct) =>
            {
                if (!SearchNotesEndpoint.TryParseMode(mode, out var parsed))
                {
                    return ProblemResults.From(ValidationError.For("mode", $"Use {string.Join(", ", ApiEnum<SearchMode>.Names)}."));
                }

                return (await sender.Send(new SearchAllNotes(q ?? string.Empty, parsed, limit ?? SearchNotes.DefaultLimit, includeDeleted ?? false), ct)).ToOk();
            })
            .RequirePermission(AdminPermissions.CanViewAllNotes)
            .WithName("searchAllNotes").Produces<SearchResultsDto>()
            .WithSummary("Search all users' notes (can_view_all_notes)");
}
