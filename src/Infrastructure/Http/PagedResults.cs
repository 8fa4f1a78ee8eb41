using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using VoiceNote.Application.Paging;
using VoiceNote.Domain.Results;

namespace VoiceNote.Infrastructure.Http;

/// <summary>
/// A page of a cursor-paged list, with the next page's address in an RFC 8288 <c>Link</c> header
/// (<c>rel="next"</c>): the same request with <c>cursor</c> set to the body's <c>nextCursor</c>, so a
/// client can follow links without building URLs.
/// </summary>
public static class PagedResults
{
    public static IResult ToPagedOk<T>(this Result<Page<T>> result, HttpContext http) => result.ToHttp(page =>
    {
        if (page.NextCursor is { } cursor)
        {
            var query = QueryHelpers.ParseQuery(http.Request.QueryString.Value)
                .Where(p => !p.Key.Equals("cursor", StringComparison.OrdinalIgnoreCase))
                .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
                .Append(new KeyValuePair<string, string?>("cursor", cursor));
            var next = http.Request.PathBase + http.Request.Path + QueryString.Create(query);
            http.Response.Headers.Append("Link", $"<{next}>; rel=\"next\"");
        }

        return TypedResults.Ok(page);
    });
}
