using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Embeddings;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Outbound;

namespace VoiceNote.Infrastructure.Embeddings;

/// <summary>
/// Any server that speaks OpenAI's <c>POST /v1/embeddings</c> (OpenAI, LocalAI, vLLM, Ollama's
/// compatible endpoint …). The key is the owner's own stored key when they have one, else the
/// operator's from configuration. 429 and 5xx are retried a few times (Retry-After honoured up to
/// <see cref="EmbeddingOptions.MaxRetryDelay"/>), then reported as <see cref="EmbeddingUnavailableException"/>.
/// A server the owner chose (their stored base URL) is called through the guarded client, the configured one through
/// the operator's; answers are read to <see cref="OutboundOptions.MaxAnswerBytes"/> (docs/decisions/0065).
/// </summary>
public sealed class OpenAiEmbeddingGenerator(
    IHttpClientFactory clients, IOptions<EmbeddingOptions> options, IOptionsMonitor<OutboundOptions> outbound, IServiceProvider services) : IEmbeddingGenerator
{
    public string Model => "openai/" + options.Value.Model;

    public int Dimensions => options.Value.Dimensions;

    public async Task<float[]> GenerateAsync(string text, UserId? owner, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var credential = owner is { } user && services.GetService<IEmbeddingCredentials>() is { } credentials
            ? await credentials.ForOwnerAsync(user, cancellationToken)
            : null;
        var key = credential?.ApiKey ?? settings.ApiKey;
        if (string.IsNullOrEmpty(key))
        {
            throw new EmbeddingUnavailableException("No API key for the embedding server: store one or configure Embeddings:ApiKey.");
        }

        var ownersServer = !string.IsNullOrEmpty(credential?.BaseUrl);
        var endpoint = new Uri(new Uri(EnsureSlash(credential?.BaseUrl ?? settings.BaseUrl)), "v1/embeddings");
        var http = clients.For(userChosen: ownersServer);
        var body = new EmbeddingRequest(settings.Model, text, settings.Dimensions);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.Timeout);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            }
            catch (HttpRequestException exception) when (OutboundHttp.IsAddressRefused(exception))
            {
                throw new EmbeddingUnavailableException("The embedding server is on an address this server does not call.", null, exception);
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if (attempt >= settings.MaxAttempts)
                {
                    throw new EmbeddingUnavailableException("The embedding server did not answer.", null, exception);
                }

                await Task.Delay(Backoff(attempt, null, settings), cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return await ReadAsync(response, settings.Dimensions, outbound.CurrentValue.MaxAnswerBytes, timeout.Token, cancellationToken);
                }

                var retryAfter = response.Headers.RetryAfter?.Delta
                    ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
                var retryable = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
                if (!retryable || attempt >= settings.MaxAttempts || retryAfter > settings.MaxRetryDelay)
                {
                    throw new EmbeddingUnavailableException(
                        $"The embedding server answered {(int)response.StatusCode}.",
                        response.StatusCode == HttpStatusCode.TooManyRequests ? retryAfter ?? TimeSpan.FromSeconds(30) : null);
                }

                await Task.Delay(Backoff(attempt, retryAfter, settings), cancellationToken);
            }
        }
    }

    private static async Task<float[]> ReadAsync(HttpResponseMessage response, int size, long maxBytes, CancellationToken cancellationToken, CancellationToken outerToken)
    {
        EmbeddingResponse? payload;
        try
        {
            payload = JsonSerializer.Deserialize<EmbeddingResponse>(await response.Content.ReadBoundedAsync(maxBytes, cancellationToken));
        }
        catch (OutboundAnswerTooLargeException exception)
        {
            throw new EmbeddingUnavailableException("The embedding server's answer is longer than this server reads.", null, exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException || (exception is OperationCanceledException && !outerToken.IsCancellationRequested))
        {
            throw new EmbeddingUnavailableException("The embedding server's answer could not be read.", null, exception);
        }

        var vector = payload?.Data is [{ Embedding: { } embedding }, ..] ? embedding : null;
        if (vector is null || vector.Length != size)
        {
            throw new EmbeddingUnavailableException($"The embedding server returned {(vector is null ? "no vector" : $"{vector.Length} dimensions, not {size}")}.");
        }

        return vector;
    }

    private static TimeSpan Backoff(int attempt, TimeSpan? retryAfter, EmbeddingOptions settings)
    {
        var wait = retryAfter ?? TimeSpan.FromMilliseconds(200 * (1 << Math.Min(attempt - 1, 5)));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > settings.MaxRetryDelay ? settings.MaxRetryDelay : wait;
    }

    private static string EnsureSlash(string url) => url.EndsWith('/') ? url : url + "/";

    private sealed record EmbeddingRequest(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("input")] string Input,
        [property: JsonPropertyName("dimensions")] int Dimensions)
    {
        [JsonPropertyName("encoding_format")]
        public string EncodingFormat => "float";
    }

    private sealed record EmbeddingResponse([property: JsonPropertyName("data")] IReadOnlyList<EmbeddingData>? Data);

    private sealed record EmbeddingData([property: JsonPropertyName("embedding")] float[]? Embedding, [property: JsonPropertyName("index")] int Index);
}
