using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Storage;

namespace VoiceNote.WebApi.Errors;

/// <summary>
/// Turns exceptions into problems. A bad request the framework detected (unreadable JSON, a query value
/// of the wrong type, body too large) keeps its 4xx status, in the client's words (BadRequestProblem);
/// anything else is logged and answered as a bare 500.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => BadRequestProblem.From(bad),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => new ProblemDetails { Status = 499, Detail = "The client closed the request." },
            IOException io when StorageErrors.IsDiskFull(io) => DiskFull(),
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Detail = "An unexpected error occurred. Quote the trace id when reporting it." },
        };
        var status = problem.Status!.Value;

        if (status >= 500 && status != StatusCodes.Status507InsufficientStorage)
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
}
