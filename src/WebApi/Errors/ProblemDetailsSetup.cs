using System.Diagnostics;
using VoiceNote.Infrastructure.Http;
using VoiceNote.WebApi.Logging;

namespace VoiceNote.WebApi.Errors;

/// <summary>
/// Every error body is RFC 9457 problem details with a stable <c>code</c>, the request's trace id and
/// correlation id, and never a stack trace.
/// </summary>
internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddVoiceNoteProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (!problem.Extensions.TryGetValue("code", out var code) || code is null)
            {
                code = ProblemCodes.ForStatus(status);
                problem.Extensions["code"] = code;
            }

            if (problem.Type is null or "about:blank" || problem.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal))
            {
                problem.Type = ProblemTypes.For((string)code);
            }

            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            if (context.HttpContext.Items[CorrelationIdMiddleware.Header] is string correlationId)
            {
                problem.Extensions["correlationId"] = correlationId;
            }

            problem.Extensions.Remove("exception");
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }
}
