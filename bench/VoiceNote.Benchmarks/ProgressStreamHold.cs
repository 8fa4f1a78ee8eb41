using System.Net;
using System.Net.Http.Headers;

namespace VoiceNote.Benchmarks;

/// <summary>
/// One user's progress streams (<c>GET /api/v1/audio/{id}/processing/events</c>): the ones it may hold,
/// each read in the background, and a burst of further attempts that the cap must refuse.
/// </summary>
internal sealed class ProgressStreamHold : IAsyncDisposable
{
    private readonly List<(HttpResponseMessage Response, Task Reading)> _held = [];
    private readonly CancellationTokenSource _stop = new();

    private ProgressStreamHold(HttpClient http, string path)
    {
        Http = http;
        Path = path;
    }

    private HttpClient Http { get; }

    private string Path { get; }

    /// <summary>Held streams whose body is still open (none has ended or failed).</summary>
    public int StillOpen => _held.Count(h => !h.Reading.IsCompleted);

    /// <summary>
    /// Opens <paramref name="count"/> streams and waits for each one's first <c>progress</c> event. A place
    /// given back by the previous round's streams is freed when the API sees their connection close, so a
    /// 429 here is retried for a few seconds before it counts as a failure.
    /// </summary>
    public static async Task<ProgressStreamHold> OpenAsync(HttpClient http, Guid audioId, int count)
    {
        var hold = new ProgressStreamHold(http, $"/api/v1/audio/{audioId}/processing/events");
        try
        {
            for (var i = 0; i < count; i++)
            {
                await hold.OpenOneAsync();
            }

            return hold;
        }
        catch
        {
            await hold.DisposeAsync();
            throw;
        }
    }

    /// <summary>Tries <paramref name="count"/> more streams all at once; every one answered is closed at once.</summary>
    public async Task<StreamAttempts> AttemptMoreAsync(int count)
    {
        var statuses = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            try
            {
                using var response = await SendAsync(CancellationToken.None);
                return (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                return 0;
            }
        }));
        return new StreamAttempts(
            count,
            statuses.Count(s => s == (int)HttpStatusCode.OK),
            statuses.Count(s => s == (int)HttpStatusCode.TooManyRequests),
            statuses.Count(s => s is not ((int)HttpStatusCode.OK or (int)HttpStatusCode.TooManyRequests)));
    }

    private async Task OpenOneAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await SendAsync(_stop.Token);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 50)
            {
                response.Dispose();
                await Task.Delay(200);
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                var body = await response.Content.ReadAsStringAsync();
                response.Dispose();
                throw new InvalidOperationException($"A held progress stream was answered {(int)response.StatusCode}: {body}");
            }

            var firstEvent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _held.Add((response, ReadAsync(response, firstEvent)));
            await firstEvent.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return;
        }
    }

    private Task<HttpResponseMessage> SendAsync(CancellationToken ct) =>
        Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, Path) { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("text/event-stream") } } }, HttpCompletionOption.ResponseHeadersRead, ct);

    /// <summary>Reads the stream to its end (a pending job sends one event, then nothing until the stream is closed).</summary>
    private async Task ReadAsync(HttpResponseMessage response, TaskCompletionSource firstEvent)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(_stop.Token);
            using var reader = new StreamReader(body);
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("event: progress", StringComparison.Ordinal))
                {
                    firstEvent.TrySetResult();
                }
            }

            firstEvent.TrySetException(new InvalidOperationException("A held progress stream ended before its first event."));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            firstEvent.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var (response, reading) in _held)
        {
            response.Dispose();
            await reading.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _stop.Dispose();
    }
}

/// <summary>What the API answered to the attempts past the cap: 200 (accepted, which it must not), 429, anything else or no answer.</summary>
internal sealed record StreamAttempts(int Tried, int Accepted, int Refused, int Other);
