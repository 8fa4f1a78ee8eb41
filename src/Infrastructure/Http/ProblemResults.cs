using Microsoft.AspNetCore.Http;
using VoiceNote.Domain.Results;

namespace VoiceNote.Infrastructure.Http;

/// <summary>
/// Renders a failed use case as an RFC 9457 problem: the status from the error's kind, a stable
/// <c>code</c> extension, and for validation failures every field's messages under <c>errors</c>.
/// </summary>
public static class ProblemResults
{
    public static int StatusCodeOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        ErrorKind.InsufficientStorage => StatusCodes.Status507InsufficientStorage,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static IResult From(Error error)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error is ValidationError validation)
        {
            extensions["errors"] = validation.FieldErrors;
        }

        var problem = TypedResults.Problem(
            detail: error.Message,
            statusCode: StatusCodeOf(error.Kind),
            type: ProblemTypes.For(error.Code),
            extensions: extensions);
        return error is RateLimitedError limited ? new RetryAfterResult(problem, limited.RetryAfter) : problem;
    }

    /// <summary>A problem that also tells the client when to come back.</summary>
    private sealed class RetryAfterResult(IResult inner, TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}

/// <summary>Problem type URIs: one URN per stable error code, so clients can switch on either.</summary>
public static class ProblemTypes
{
    public static string For(string code) => $"urn:voicenote:problem:{code}";
}
