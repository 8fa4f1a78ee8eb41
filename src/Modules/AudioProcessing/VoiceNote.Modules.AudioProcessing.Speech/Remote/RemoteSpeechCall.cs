using System.Diagnostics;
using Microsoft.Extensions.Logging;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;

namespace VoiceNote.Modules.AudioProcessing.Speech.Remote;

/// <summary>
/// Sends one request to a remote engine and turns every way it can go wrong into an
/// <see cref="EngineFailures"/> error. One attempt only: retries belong to the job queue, which knows
/// the job's attempts and backoff and does not hold a worker's lease while waiting (ADR 0041).
/// </summary>
internal sealed class RemoteSpeechCall(HttpClient http, EngineAccess access, TimeProvider clock, ILogger logger)
{
    /// <summary>The body of a 2xx answer, or the failure.</summary>
    public async Task<Result<byte[]>> SendAsync(HttpRequestMessage request, TimeSpan audio, CancellationToken cancellationToken)
    {
        var engine = access.Engine.Name;
        var timeout = access.Options.Timeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
                logger.LogInformation(
                    "Engine {Engine} recognised {Seconds:0.0} s of audio in {Elapsed} ms", engine, audio.TotalSeconds, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return body;
            }

            var excerpt = await EngineAnswers.ReadExcerptAsync(response.Content, access.ApiKey, deadline.Token).ConfigureAwait(false);
            var error = EngineAnswers.Failure(engine, status, EngineAnswers.RetryAfter(response.Headers.RetryAfter, clock.GetUtcNow()), excerpt);
            logger.LogWarning("Engine {Engine} answered {Status} ({Code}) for {Seconds:0.0} s of audio", engine, status, error.Code, audio.TotalSeconds);
            return error;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Engine {Engine} did not answer within {Timeout}", engine, timeout);
            return EngineFailures.Unavailable(engine, $"no answer within {timeout.TotalSeconds:0} s.");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            // The message names the host and the socket error; requests carry the key only in a header, never in a message.
            logger.LogWarning("Engine {Engine} could not be reached: {Reason}", engine, exception.Message);
            return EngineFailures.Unavailable(engine, exception.Message);
        }
    }
}
