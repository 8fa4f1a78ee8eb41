using Microsoft.AspNetCore.Mvc;
using VoiceNote.Application.Paging;

namespace VoiceNote.Infrastructure.Http;

/// <summary>
/// The query parameters of every paged list, bound with <c>[AsParameters]</c> so each list names them
/// alike in the OpenAPI document: <c>limit</c>, <c>cursor</c>, <c>includeTotal</c>.
/// </summary>
public sealed record PageParameters(
    [FromQuery(Name = "limit")] int? Limit,
    [FromQuery(Name = "cursor")] string? Cursor,
    [FromQuery(Name = "includeTotal")] bool? IncludeTotal)
{
    public PageQuery ToQuery(int defaultLimit = PageQuery.DefaultLimit) =>
        new(Limit ?? defaultLimit, string.IsNullOrEmpty(Cursor) ? null : Cursor, IncludeTotal ?? false);
}
