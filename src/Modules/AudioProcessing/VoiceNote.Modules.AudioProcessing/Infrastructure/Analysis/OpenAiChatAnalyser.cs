using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Outbound;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Analysis.Chat;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;

/// <summary>
/// Analysis by any server speaking OpenAI's <c>POST /chat/completions</c> with structured outputs
/// (OpenAI, Groq, a self-hosted compatible server), with one owner's key. One attempt per call: the
/// job queue owns retries and their back-off, so a 429 or 5xx comes back as a transient engine error.
/// The answer is read within the timeout and up to <see cref="ChatTarget.MaxAnswerBytes"/>; what the server
/// said on an error stays in the logs (ADR 0065).
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
        var host = target.BaseUrl.Host;
        try
        {
            using var request = Request(_prompts.Build(input));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var excerpt = await EngineAnswers.ReadExcerptAsync(response.Content, target.ApiKey, timeout.Token);
                var error = EngineAnswers.Failure(Engine, host, status, EngineAnswers.RetryAfter(response.Headers.RetryAfter, clock.GetUtcNow()));
                logger.LogWarning("Chat analysis by {Engine} at {Host} answered {Status} ({Code}): {Excerpt}", Engine, host, status, error.Code, excerpt);
                return error;
            }

            var body = Encoding.UTF8.GetString(await response.Content.ReadBoundedAsync(target.MaxAnswerBytes, timeout.Token));
            logger.LogInformation("Chat analysis by {Engine} answered {Status} in {Elapsed} ms", Engine, status, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var content = ChatCompletionReader.Content(Engine, body);
            if (content.IsFailure && content.Error.Code == EngineFailures.RefusedCode)
            {
                logger.LogWarning("Chat analysis by {Engine} declined: {Refusal}", Engine, EngineAnswers.Excerpt(ChatCompletionReader.RefusalOf(body) ?? string.Empty, target.ApiKey));
            }

            return content.IsFailure ? content.Error : _parser.Parse(content.Value, input, Engine);
        }
        catch (Exception exception) when (EngineCallFailures.From(exception, Engine, host, target.Timeout, logger, cancellationToken) is { } failure)
        {
            return failure;
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
