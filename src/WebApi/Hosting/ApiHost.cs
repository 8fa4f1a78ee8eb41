using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.WebApi.Errors;
using VoiceNote.WebApi.Health;
using VoiceNote.WebApi.Logging;
using VoiceNote.WebApi.Observability;
using VoiceNote.WebApi.RateLimiting;

namespace VoiceNote.WebApi.Hosting;

/// <summary>Builds the HTTP API: composition, the middleware order, and the route groups endpoints map onto.</summary>
internal static class ApiHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.AddVoiceNoteLogging(builder.Configuration);

        // Read when the server starts, from the final configuration (tests override it late).
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, config) =>
            kestrel.Limits.MaxRequestBodySize = ApiOptions.From(config).MaxRequestBodyBytes);
        builder.Services.AddOptions<FormOptions>().Configure<IConfiguration>((form, config) =>
            form.MultipartBodyLengthLimit = ApiOptions.From(config).MaxRequestBodyBytes);
        // Binding failures (unreadable JSON, wrong types) throw, so the exception handler renders them as problems.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        builder.Services.AddVoiceNote(builder.Configuration);
        builder.Services.AddJobChangeListener();
        builder.Services.AddVoiceNoteJson();
        builder.Services.AddVoiceNoteProblemDetails();
        builder.Services.AddVoiceNoteRateLimiting(builder.Configuration);
        builder.Services.AddVoiceNoteHealthChecks();
        builder.Services.AddVoiceNoteTelemetry(builder.Configuration, servesScrape: true);
        builder.Services.AddVoiceNoteOpenApi();
        builder.Services.AddVoiceNoteCors(builder.Configuration, builder.Environment);
        builder.Services.AddVoiceNoteCompression();
        builder.Services.AddVoiceNoteTransportSecurity(builder.Configuration);
        MaintenanceMode.AddSetting(builder.Services, builder.Configuration);
        builder.Services.AddAuthentication();
        builder.Services.AddAuthorization();

        var app = builder.Build();
        // First: every later step (limits, audit, redirects) sees the real client and scheme.
        app.UseVoiceNoteTransportSecurity();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseResponseCompression();
        app.UseMiddleware<VersionSunset>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Before authentication and the limits: a preflight carries no token and costs no budget.
        app.UseCors();
        // The web app's files: only requests no endpoint took, so before any of the API's limits and checks.
        app.UseVoiceNoteWebApp();
        app.UseCredentialRateLimiting(app.Configuration);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<MaintenanceMode>();

        // Public endpoints say so, like every other one: the route-table tests read this metadata.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymousAccess();
        app.UseVoiceNoteApiDocs();
        app.MapVoiceNoteHealth();
        app.MapVoiceNoteMetrics();

        // Every /api/v1 endpoint needs a signed-in caller unless it says AllowAnonymousAccess(), and is
        // rate limited per user (per address when anonymous) unless it names a stricter policy.
        var v1 = app.MapGroup("/api/v1").RequireAuthorization().RequireRateLimiting(RateLimitPolicies.Api);
        var admin = v1.MapGroup("/admin").WithTags("Admin");
        EndpointDiscovery.MapAll(new ApiRoutes(app, v1, admin), EndpointAssemblies(app.Services));
        return app;
    }

    /// <summary>The host's own assembly plus every registered module's assemblies.</summary>
    internal static IEnumerable<System.Reflection.Assembly> EndpointAssemblies(IServiceProvider services) =>
        services.GetServices<ModuleDescriptor>().SelectMany(m => m.Assemblies).Prepend(typeof(ApiHost).Assembly).Distinct();
}
