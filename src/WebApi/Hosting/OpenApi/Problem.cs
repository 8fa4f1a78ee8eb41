namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// What every problem answer carries (RFC 9457 plus the members ProblemDetailsSetup and ProblemResults
/// add), so a generated client can switch on <c>code</c> and show <c>errors</c>. Only the OpenAPI
/// document uses this type; the answers themselves are written by the problem details service.
/// </summary>
internal sealed class Problem
{
    /// <summary>A URN per stable error code: urn:voicenote:problem:{code}.</summary>
    public required string Type { get; init; }

    public string? Title { get; init; }

    public required int Status { get; init; }

    public string? Detail { get; init; }

    /// <summary>The request path.</summary>
    public string? Instance { get; init; }

    /// <summary>The stable error code, e.g. notes.not_found.</summary>
    public required string Code { get; init; }

    public string? TraceId { get; init; }

    /// <summary>The request's X-Correlation-Id (the one it sent, or a new one).</summary>
    public string? CorrelationId { get; init; }

    /// <summary>For a validation problem: the messages per field.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>For a 429 from a rate limit or a 503 while the database is away: the Retry-After header's seconds, for clients that cannot read headers.</summary>
    public int? RetryAfterSeconds { get; init; }
}
