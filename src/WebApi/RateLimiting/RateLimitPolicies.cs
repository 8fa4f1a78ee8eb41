using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using VoiceNote.Infrastructure.Security;

namespace VoiceNote.WebApi.RateLimiting;

/// <summary>
/// Named rate-limit policies endpoints opt into with <c>RequireRateLimiting(name)</c>. Each is a fixed
/// window partitioned by signed-in user, else by client address; limits come from "RateLimits:&lt;name&gt;".
/// A refusal is a 429 problem with Retry-After.
/// </summary>
internal static class RateLimitPolicies
{
    /// <summary>Credential changes of a signed-in user (and, through UseCredentialRateLimiting, sign-in and token grants): small.</summary>
    public const string Auth = "auth";

    /// <summary>Ordinary API calls.</summary>
    public const string Api = "api";

    public static IServiceCollection AddVoiceNoteRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteProblem;
            AddFixedWindow(options, configuration, Auth, permitLimit: 20, window: TimeSpan.FromMinutes(1));
            AddFixedWindow(options, configuration, Api, permitLimit: 600, window: TimeSpan.FromMinutes(1));
        });
        return services;
    }

    private static void AddFixedWindow(RateLimiterOptions options, IConfiguration configuration, string name, int permitLimit, TimeSpan window)
    {
        var section = configuration.GetSection($"RateLimits:{name}");
        var limit = section.GetValue("PermitLimit", permitLimit);
        var span = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", (int)window.TotalSeconds));
        options.AddPolicy(name, context => RateLimitPartition.GetFixedWindowLimiter(
            PartitionKey(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = span, QueueLimit = 0 }));
    }

    /// <summary>
    /// Every address that takes credentials without a token — the OAuth endpoints OpenIddict answers
    /// itself (token, revocation, introspection), the JSON sign-in, refresh and registration, and the
    /// sign-in page — shares one budget per client address, with the "auth" limits. It runs before
    /// authentication, so OpenIddict does no work for a refused request. OAuth addresses answer an
    /// RFC 6749 error body (OAuth clients do not read problem details); the others a problem.
    /// </summary>
    public static IApplicationBuilder UseCredentialRateLimiting(this IApplicationBuilder app, IConfiguration configuration)
    {
        var section = configuration.GetSection($"RateLimits:{Auth}");
        var limit = section.GetValue("PermitLimit", 20);
        var window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", 60));
        var limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
            $"credentials-ip:{context.Connection.RemoteIpAddress}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 }));

        // A limiter of its own rather than UseRateLimiter: that middleware would also apply the endpoint's
        // named policy (the "api" one every /api/v1 route has), counting the request twice.
        return app.UseWhen(
            context => HttpMethods.IsPost(context.Request.Method) && CredentialAddresses.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)),
            branch => branch.Use(async (context, next) =>
            {
                using var lease = limiter.AttemptAcquire(context);
                if (lease.IsAcquired)
                {
                    await next(context);
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                var rejected = new OnRejectedContext { HttpContext = context, Lease = lease };
                await (IsOAuthAddress(context.Request.Path) ? WriteOAuthError(rejected, context.RequestAborted) : WriteProblem(rejected, context.RequestAborted));
            }));
    }

    private static readonly string[] OAuthAddresses = ["/connect/token", "/connect/revoke", "/connect/introspect"];

    private static readonly string[] CredentialAddresses =
        [.. OAuthAddresses, "/connect/sign-in", "/api/v1/auth/sign-in", "/api/v1/auth/refresh", "/api/v1/auth/register"];

    private static bool IsOAuthAddress(PathString path) => OAuthAddresses.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase));

    private static async ValueTask WriteOAuthError(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var response = context.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        await response.WriteAsJsonAsync(
            new Dictionary<string, string> { ["error"] = "temporarily_unavailable", ["error_description"] = $"Too many requests. Try again in {seconds} s." },
            cancellationToken);
    }

    internal static string PartitionKey(HttpContext context) =>
        context.User.FindFirst(VoiceNoteClaims.Subject)?.Value is { } subject ? $"user:{subject}" : $"ip:{context.Connection.RemoteIpAddress}";

    private static async ValueTask WriteProblem(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Detail = $"Too many requests. Try again in {seconds} s.",
                Extensions = { ["code"] = "rate_limited", ["retryAfterSeconds"] = seconds },
            },
        });
    }
}
