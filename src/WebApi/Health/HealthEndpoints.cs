using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.WebApi.Health;

internal static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddVoiceNoteHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<StorageHealthCheck>("storage", tags: [Ready])
            .AddCheck<JobWorkersHealthCheck>("jobs", tags: [Ready])
            .AddCheck<QueueLagHealthCheck>("queues", tags: [Ready]);
        return services;
    }

    /// <summary>/health/live: the process runs. /health/ready: it can serve (database with vector, storage root, job workers claiming, queues not lagging).</summary>
    public static void MapVoiceNoteHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson }).AllowAnonymousAccess();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteJson }).AllowAnonymousAccess();
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
