using System.Diagnostics;
using System.Text.RegularExpressions;

namespace VoiceNote.WebApi.Logging;

/// <summary>
/// Gives every request a correlation id (the caller's X-Correlation-Id when it is sane, else the trace
/// id), echoes it in the response and puts it in the logging scope of every line the request writes.
/// </summary>
internal sealed partial class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var offered = context.Request.Headers[Header].ToString();
        var correlationId = SaneId().IsMatch(offered) ? offered : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.Items[Header] = correlationId;
        context.Response.Headers[Header] = correlationId;
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SaneId();
}
