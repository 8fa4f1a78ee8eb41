using VoiceNote.Infrastructure.Http;

namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// CORS for web apps on other origins: only the origins in <c>Cors:AllowedOrigins</c> (none by default;
/// in Development, with none configured, any loopback origin, so a local front end works out of the
/// box). Bearer tokens, not cookies, so no credentials mode; the headers clients read are exposed.
/// </summary>
internal static class CrossOrigin
{
    public const string Section = "Cors";

    private static readonly string[] RequestHeaders =
        ["Authorization", "Content-Type", "Accept", "If-Match", "If-None-Match", IdempotentAnswers.Header, "X-Correlation-Id", "X-Speech-Engine"];

    private static readonly string[] ResponseHeaders =
        ["Location", "ETag", "Link", "Retry-After", "X-Correlation-Id", "Content-Disposition", "Deprecation", "Sunset"];

    public static IServiceCollection AddVoiceNoteCors(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var origins = configuration.GetSection($"{Section}:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (origins.Length > 0)
            {
                policy.WithOrigins([.. origins.Select(o => o.TrimEnd('/'))]);
            }
            else if (environment.IsDevelopment())
            {
                policy.SetIsOriginAllowed(IsLoopback);
            }
            else
            {
                policy.SetIsOriginAllowed(_ => false);
            }

            policy.WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders(RequestHeaders)
                .WithExposedHeaders(ResponseHeaders)
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        }));
        return services;
    }

    private static bool IsLoopback(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.IsLoopback && uri.Scheme is "http" or "https";
}
