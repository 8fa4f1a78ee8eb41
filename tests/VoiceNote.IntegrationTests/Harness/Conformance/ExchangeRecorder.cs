using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;

namespace VoiceNote.IntegrationTests.Harness.Conformance;

/// <summary>
/// Records every answer of a test host, whoever the client is, so the fixture can check it against the
/// OpenAPI document after each test. It runs outside the whole pipeline, so it sees the final status
/// and body, problems from the exception handler included.
/// </summary>
internal sealed class ExchangeRecorder : IStartupFilter
{
    private const int BodyLimit = 1 << 20;

    private readonly ConcurrentQueue<RecordedExchange> _exchanges = new();

    /// <summary>The answers since the last call, oldest first.</summary>
    public IReadOnlyList<RecordedExchange> Drain()
    {
        var drained = new List<RecordedExchange>();
        while (_exchanges.TryDequeue(out var exchange))
        {
            drained.Add(exchange);
        }

        return drained;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(RecordAsync);
        next(app);
    };

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        var copy = new BodyCopy(original, BodyLimit);
        context.Response.Body = copy;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        _exchanges.Enqueue(new RecordedExchange(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } raw ? "/" + raw.TrimStart('/') : null,
            response.StatusCode,
            response.ContentType,
            response.Headers.ContentEncoding.ToString() is { Length: > 0 } encoding ? encoding : null,
            copy.Copy,
            copy.Truncated));
    }
}
