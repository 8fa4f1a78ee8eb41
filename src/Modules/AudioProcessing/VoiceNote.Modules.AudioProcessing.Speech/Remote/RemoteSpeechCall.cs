using System.Diagnostics;
using Microsoft.Extensions.Logging;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Outbound;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;

namespace VoiceNote.Modules.AudioProcessing.Speech.Remote;

/// <summary>
/// Sends one request to a remote engine and turns every way it can go wrong into an
/// <see cref="EngineFailures"/> error. One attempt only: retries belong to the job queue, which knows
/// the job's attempts and backoff and does not hold a worker's lease while waiting (ADR 0041). The answer
/// is read within the call's timeout and up to <see cref="EngineAccess.MaxAnswerBytes"/> (ADR 0065); what the
/// engine said on an error, and why a connection failed, go to the logs only.
/// </summary>
internal sealed class RemoteSpeechCall(HttpClient http, EngineAccess access, TimeProvider clock, ILogger logger)
{
    /// <summary>The body of a 2xx answer, or the failure.</summary>
    public async Task<Result<byte[]>> SendAsync(HttpRequestMessage request, TimeSpan audio, CancellationToken cancellationToken)
    {
        var engine = access.Engine.Name;
        var host = access.Host;
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
                var body = await response.Content.ReadBoundedAsync(access.MaxAnswerBytes, deadline.Token).ConfigureAwait(false);
                logger.LogInformation(
                    "Engine {Engine} recognised {Seconds:0.0} s of audio in {Elapsed} ms", engine, audio.TotalSeconds, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return body;
            }

            var excerpt = await EngineAnswers.ReadExcerptAsync(response.Content, access.ApiKey, deadline.Token).ConfigureAwait(false);
            var error = EngineAnswers.Failure(engine, host, status, EngineAnswers.RetryAfter(response.Headers.RetryAfter, clock.GetUtcNow()));
            logger.LogWarning(
                "Engine {Engine} at {Host} answered {Status} ({Code}) for {Seconds:0.0} s of audio: {Excerpt}", engine, host, status, error.Code, audio.TotalSeconds, excerpt);
            return error;
        }
        catch (Exception exception) when (EngineCallFailures.From(exception, engine, host, timeout, logger, cancellationToken) is { } failure)
        {
            return failure;
        }
    }
}
