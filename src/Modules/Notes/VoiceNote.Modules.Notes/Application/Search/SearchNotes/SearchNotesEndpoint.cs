using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Http.Json;

namespace VoiceNote.Modules.Notes.Application.Search.SearchNotes;

internal sealed class SearchNotesEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/notes/search", async (string? q, string? mode, int? limit, ISender sender, CancellationToken ct) =>
            {
                if (!TryParseMode(mode, out var parsed))
                {
                    return ProblemResults.From(ValidationError.For("mode", $"Use {string.Join(", ", ApiEnum<SearchMode>.Names)}."));
                }

                return (await sender.Send(new SearchNotes(q ?? string.Empty, parsed, limit ?? SearchNotes.DefaultLimit), ct)).ToOk();
            })
            .RequireScope(ApiScopes.NotesRead)
            .WithTags("Search")
            .WithName("searchNotes").Produces<SearchResultsDto>()
            // The user's own remote embedding engine may refuse (rate limit) or be down.
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Search my notes by words, by meaning, or both (hybrid, the default)");

    internal static bool TryParseMode(string? text, out SearchMode mode)
    {
        mode = SearchMode.Hybrid;
        return text is null || ApiEnum<SearchMode>.TryParse(text, out mode);
    }
}
