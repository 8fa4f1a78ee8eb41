using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceNote.Benchmarks;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>
/// A real HTTP server on 127.0.0.1 that speaks OpenAI's <c>POST /v1/embeddings</c> wire format. Its
/// "model" hashes the input's words (SyntheticVectors), so texts sharing words are near; a test can queue
/// failures (429 with Retry-After, 500) or a wrong dimension for the next requests.
/// </summary>
internal sealed class FakeEmbeddingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _plannedStatuses = new();

    private FakeEmbeddingServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    /// <summary>When set, every answer fails with this status (after the planned ones).</summary>
    public int? AlwaysFailWith { get; set; }

    public int Dimensions { get; set; } = 1536;

    public static async Task<FakeEmbeddingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeEmbeddingServer(app);
        app.MapPost("/v1/embeddings", (Func<HttpContext, Task<IResult>>)server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return server;
    }

    public void Plan(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _plannedStatuses.Enqueue(status);
        }
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var root = body.RootElement;
        Requests.Enqueue(new SeenRequest(
            context.Request.Headers.Authorization.ToString(),
            root.GetProperty("model").GetString()!,
            root.GetProperty("input").GetString()!,
            root.TryGetProperty("dimensions", out var dims) ? dims.GetInt32() : null));

        var status = _plannedStatuses.TryDequeue(out var planned) ? planned : AlwaysFailWith ?? 200;
        if (status == 429)
        {
            context.Response.Headers.RetryAfter = "0";
            return Results.Json(new { error = new { message = "Rate limit reached", type = "requests" } }, statusCode: 429);
        }

        if (status != 200)
        {
            return Results.Json(new { error = new { message = "The server had an error", type = "server_error" } }, statusCode: status);
        }

        var vector = SyntheticVectors.Of(root.GetProperty("input").GetString()!, 1536);
        var embedding = Dimensions == vector.Length ? vector : vector.Take(Dimensions).ToArray();
        return Results.Json(new
        {
            @object = "list",
            data = new[] { new { @object = "embedding", index = 0, embedding } },
            model = root.GetProperty("model").GetString(),
            usage = new { prompt_tokens = 5, total_tokens = 5 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record SeenRequest(string Authorization, string Model, string Input, int? Dimensions);
}
