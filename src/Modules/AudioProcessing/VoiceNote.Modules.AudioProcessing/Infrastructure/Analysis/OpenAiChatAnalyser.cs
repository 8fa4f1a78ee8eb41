using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Analysis.Chat;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;

/// <summary>
/// Analysis by any server speaking OpenAI's <c>POST /chat/completions</c> with structured outputs
/// (OpenAI, Groq, a self-hosted compatible server), with one owner's key. One attempt per call: the
/// job queue owns retries and their back-off, so a 429 or 5xx comes back as a transient engine error.
/// </summary>
internal sealed class OpenAiChatAnalyser(HttpClient http, ChatTarget target, TimeProvider clock, ILogger<OpenAiChatAnalyser> logger) : ITextAnalyser
{
    public const string EnginePrefix = "openai-chat:";

    private readonly ChatPromptBuilder _prompts = new();
    private readonly ChatAnswerParser _parser = new();

    public string Engine => EnginePrefix + target.Model;

    public async Task<Result<AnalysisResult>> AnalyseAsync(AnalysisInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (ChatPromptBuilder.TextOf(input).Length == 0)
        {
            // Nothing was said: no reason to spend the owner's tokens on it.
            return new AnalysisResult(string.Empty, [], [], SentimentResult.Neutral, Engine, string.IsNullOrWhiteSpace(input.Language) ? "en" : input.Language.Trim());
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(target.Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = Request(_prompts.Build(input));
            using var response = await http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            logger.LogInformation("Chat analysis by {Engine} answered {Status} in {Elapsed} ms", Engine, status, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                return EngineAnswers.Failure(Engine, status, EngineAnswers.RetryAfter(response.Headers.RetryAfter, clock.GetUtcNow()), EngineAnswers.Excerpt(body, target.ApiKey));
            }

            var content = ChatCompletionReader.Content(Engine, body);
            return content.IsFailure ? content.Error : _parser.Parse(content.Value, input, Engine);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return EngineFailures.Unavailable(Engine, $"no answer within {target.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException exception)
        {
            // The message names the host and the socket error, never a header: safe to keep.
            logger.LogWarning("Chat analysis by {Engine} could not reach {Host}: {Error}", Engine, target.BaseUrl.Host, exception.Message);
            return EngineFailures.Unavailable(Engine, $"could not reach {target.BaseUrl.Host} ({exception.HttpRequestError}).");
        }
    }

    private HttpRequestMessage Request(ChatPrompt prompt)
    {
        var body = new JsonObject
        {
            ["model"] = target.Model,
            ["temperature"] = 0,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = prompt.System },
                new JsonObject { ["role"] = "user", ["content"] = prompt.User }),
            ["response_format"] = new JsonObject
            {
                ["type"] = "json_schema",
                ["json_schema"] = new JsonObject { ["name"] = AnalysisSchema.Name, ["strict"] = true, ["schema"] = AnalysisSchema.Build() },
            },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, target.Completions)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }
}
