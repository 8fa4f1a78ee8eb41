namespace VoiceNote.WebApi.Errors;

/// <summary>The stable codes for problems the framework raises itself (no use case involved).</summary>
internal static class ProblemCodes
{
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "bad_request",
        StatusCodes.Status401Unauthorized => "auth.not_authenticated",
        StatusCodes.Status403Forbidden => "auth.forbidden",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status413PayloadTooLarge => "payload_too_large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        StatusCodes.Status422UnprocessableEntity => "unprocessable",
        StatusCodes.Status429TooManyRequests => "rate_limited",
        StatusCodes.Status503ServiceUnavailable => ProblemExceptionHandler.UnavailableCode,
        >= 500 => "internal_error",
        _ => $"http_{status}",
    };
}
