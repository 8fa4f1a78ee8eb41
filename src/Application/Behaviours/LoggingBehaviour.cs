using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;
using VoiceNote.Domain.Results;

namespace VoiceNote.Application.Behaviours;

/// <summary>One log line per use case: its name, outcome, error code and duration. Never the request's content.</summary>
internal sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        var name = typeof(TRequest).Name;
        try
        {
            var response = await next();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response is Result { IsFailure: true } failed)
            {
                logger.LogInformation("Use case {UseCase} failed with {ErrorCode} in {ElapsedMs:0.0} ms", name, failed.Error.Code, elapsed);
            }
            else
            {
                logger.LogDebug("Use case {UseCase} succeeded in {ElapsedMs:0.0} ms", name, elapsed);
            }

            return response;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Use case {UseCase} threw after {ElapsedMs:0.0} ms", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}
