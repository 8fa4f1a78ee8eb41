using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Infrastructure.Storage;

namespace VoiceNote.WebApi.Errors;

/// <summary>
/// Turns exceptions into problems. A bad request the framework detected (unreadable JSON, a query value
/// of the wrong type, body too large) keeps its 4xx status, in the client's words (BadRequestProblem);
/// a database that is away for now (restart, outage, no free connection: <see cref="TransientDatabaseFailure"/>)
/// is a 503 with Retry-After, wherever it surfaced (a use case, the token check of authentication, an
/// OAuth endpoint); so is a transaction the database rolled back as the loser of a deadlock (nothing of
/// it was saved, so sending it again is safe); anything else is logged and answered as a bare 500.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>The code of a 503 for a database that is away (and of any other framework-raised 503).</summary>
    public const string UnavailableCode = "service_unavailable";

    /// <summary>The code of a 503 for a request whose transaction lost to a concurrent one and was rolled back.</summary>
    public const string CollidedCode = "concurrent_change";

    /// <summary>The addresses OpenIddict answers with RFC 6749 errors, which OAuth clients read instead of problems.</summary>
    private static readonly string[] OAuthAddresses = ["/connect/token", "/connect/revoke", "/connect/introspect"];

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var conflict = TransientDatabaseFailure.IsConcurrencyConflict(exception);
        var unavailable = conflict || TransientDatabaseFailure.IsTransient(exception);
        var problem = exception switch
        {
            BadHttpRequestException bad => BadRequestProblem.From(bad),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => new ProblemDetails { Status = 499, Detail = "The client closed the request." },
            IOException io when StorageErrors.IsDiskFull(io) => DiskFull(),
            _ when conflict => Collided(),
            _ when unavailable => Unavailable(),
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Detail = "An unexpected error occurred. Quote the trace id when reporting it." },
        };
        var status = problem.Status!.Value;

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // Expected while the database restarts, or now and then under contention: one line without the
            // stack, not an error report per request.
            logger.LogWarning("{Problem} for {Method} {Path}: {Reason}", conflict ? "Concurrent change" : "Database unavailable", httpContext.Request.Method, httpContext.Request.Path, Describe(exception));
        }
        else if (status >= 500 && status != StatusCodes.Status507InsufficientStorage)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        else
        {
            // The framework's own words stay in the log, for whoever runs the server.
            logger.LogInformation("Bad request for {Method} {Path}: {Reason}", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        }

        if (problem.Status == StatusCodes.Status507InsufficientStorage)
        {
            // Not the client's fault and not a bug: the operator has to free space.
            logger.LogError(exception, "The disk is full: {Method} {Path} refused", httpContext.Request.Method, httpContext.Request.Path);
        }

        if (httpContext.Response.HasStarted)
        {
            return true;
        }

        httpContext.Response.StatusCode = status;
        if (unavailable)
        {
            var seconds = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            httpContext.Response.Headers.RetryAfter = seconds;
            httpContext.Response.Headers.CacheControl = "no-store";
            if (OAuthAddresses.Any(a => httpContext.Request.Path.Equals(a, StringComparison.OrdinalIgnoreCase)))
            {
                await httpContext.Response.WriteAsJsonAsync(
                    new Dictionary<string, string> { ["error"] = "temporarily_unavailable", ["error_description"] = problem.Detail! },
                    cancellationToken);
                return true;
            }
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
        });
    }

    /// <summary>A write anywhere ran out of space: the same problem a use case returns (<see cref="StorageErrors.Full"/>).</summary>
    private static ProblemDetails DiskFull() => new()
    {
        Status = StatusCodes.Status507InsufficientStorage,
        Type = ProblemTypes.For(StorageErrors.FullCode),
        Detail = StorageErrors.Full.Message,
        Extensions = { ["code"] = StorageErrors.FullCode },
    };

    private static int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(TransientDatabaseFailure.RetryAfter.TotalSeconds));

    private static ProblemDetails Unavailable() => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Detail = $"The service cannot reach its database right now. Try again in {RetryAfterSeconds} s.",
        Extensions = { ["code"] = UnavailableCode, ["retryAfterSeconds"] = RetryAfterSeconds },
    };

    private static ProblemDetails Collided() => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Detail = $"The request collided with a concurrent change and nothing of it was saved. Try again in {RetryAfterSeconds} s.",
        Extensions = { ["code"] = CollidedCode, ["retryAfterSeconds"] = RetryAfterSeconds },
    };

    /// <summary>The innermost cause's type and message: the driver's words, for the operator's log only.</summary>
    private static string Describe(Exception exception)
    {
        var root = exception;
        while (root.InnerException is { } inner)
        {
            root = inner;
        }

        return root == exception ? $"{exception.GetType().Name}: {exception.Message}" : $"{exception.GetType().Name} ← {root.GetType().Name}: {root.Message}";
    }
}
