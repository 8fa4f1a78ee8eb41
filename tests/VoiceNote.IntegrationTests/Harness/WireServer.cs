using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VoiceNote.IntegrationTests.Harness;

/// <summary>A request the wire server received, kept whole so a test can check what the adapter sent.</summary>
public sealed record WireRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[] Body);

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, a free port) that stands in for a remote engine in a
/// test: the test's <see cref="Answer"/> speaks that engine's wire format, including its errors and
/// rate limits. Every request is recorded with its body.
/// </summary>
public sealed class WireServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<WireRequest> _requests = new();

    private WireServer(WebApplication app) => _app = app;

    /// <summary>How the server answers; replace it between calls to change the engine's mood.</summary>
    public Func<WireRequest, HttpContext, Task> Answer { get; set; } = (_, http) =>
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    };

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<WireRequest> Requests => _requests.ToArray();

    public static async Task<WireServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Limits.MaxRequestBodySize = null).UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new WireServer(app);
        app.Run(async http =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            var request = new WireRequest(
                http.Request.Method,
                http.Request.Path.Value ?? "/",
                http.Request.QueryString.Value ?? string.Empty,
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                http.Request.ContentType,
                body.ToArray());
            server._requests.Enqueue(request);
            await server.Answer(request, http);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Answers with a JSON body and a status.</summary>
    public static Task Json(HttpContext http, int status, string json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(json);
    }

    /// <summary>
    /// Answers 200 with a JSON body that does not end (up to 2 GiB of spaces) until the client hangs up, which
    /// completes <paramref name="hungUp"/>. What a fake engine that tries to exhaust memory sends. Kestrel turns
    /// writes to a closed connection into no-ops (so what the server "wrote" says nothing about what was read),
    /// and the hang-up is taken from the connection's own closed signal.
    /// </summary>
    public static async Task EndlessJson(HttpContext http, TaskCompletionSource hungUp)
    {
        // Not disposed with this handler: the connection may be seen to close after the loop below has run out.
        http.RequestAborted.Register(() => hungUp.TrySetResult());
        http.Features.Get<IConnectionLifetimeFeature>()?.ConnectionClosed.Register(() => hungUp.TrySetResult());
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)' ');
        chunk[0] = (byte)'{';
        try
        {
            for (var i = 0; i < 32 * 1024 && !hungUp.Task.IsCompleted; i++)
            {
                await http.Response.Body.WriteAsync(chunk, http.RequestAborted);
                chunk[0] = (byte)' ';
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client hung up: what a test of this answer wants.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

