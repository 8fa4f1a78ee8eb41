using Microsoft.Extensions.Logging;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Outbound;

namespace VoiceNote.Modules.AudioProcessing.Speech.Engines;

/// <summary>
/// What a call to a remote engine (speech or chat) that threw means: the owner's words from
/// <see cref="EngineFailures"/>, and one log line with the operator's detail (the socket error).
/// </summary>
internal static class EngineCallFailures
{
    /// <summary>Null for an exception that is not the call's (the caller's cancellation, a bug): let it go on.</summary>
    public static Error? From(Exception exception, string engine, string host, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException when !cancellationToken.IsCancellationRequested:
                logger.LogWarning("Engine {Engine} at {Host} did not answer within {Timeout}", engine, host, timeout);
                return EngineFailures.Unavailable(engine, host, $"did not answer within {timeout.TotalSeconds:0.#} s");
            case OutboundAnswerTooLargeException tooLarge:
                logger.LogWarning("Engine {Engine} at {Host} answered with more than {Limit} bytes; the answer was cut there", engine, host, tooLarge.Limit);
                return EngineFailures.AnswerTooLarge(engine, host, tooLarge.Limit);
            case HttpRequestException or IOException when OutboundHttp.IsAddressRefused(exception):
                logger.LogWarning("Engine {Engine} at {Host} is on a refused address; nothing was sent", engine, host);
                return EngineFailures.AddressRefused(engine, host);
            case HttpRequestException or IOException:
                // The message names the host and the socket error: the operator's to read, not the owner's.
                logger.LogWarning("Engine {Engine} at {Host} could not be reached: {Reason}", engine, host, exception.Message);
                return EngineFailures.Unavailable(engine, host, "could not be reached");
            default:
                return null;
        }
    }
}
