using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Domain.Results;

namespace VoiceNote.Infrastructure.Http;

/// <summary>Answers that carry an entity tag (RFC 9110 §8.8.3), and 304 for a read the client already has.</summary>
public static class TaggedResults
{
    /// <summary>200 with the body's ETag; 304 without a body when If-None-Match already names it.</summary>
    public static IResult ToTaggedOk<T>(this Result<T> result, HttpContext http) => result.ToHttp(value =>
    {
        var tag = http.RequestServices.GetRequiredService<RepresentationTags>().Of(value);
        http.Response.Headers.ETag = tag;
        var known = http.Request.Headers.IfNoneMatch.ToString();
        return HttpMethods.IsGet(http.Request.Method) && known.Length > 0
               && known.Split(',', StringSplitOptions.TrimEntries).Any(t => t == "*" || t == tag || t == "W/" + tag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(value);
    });

    /// <summary>The If-Match header as the use case takes it (null when absent).</summary>
    public static string? IfMatch(this HttpContext http) =>
        http.Request.Headers.IfMatch.Count == 0 ? null : http.Request.Headers.IfMatch.ToString();
}
