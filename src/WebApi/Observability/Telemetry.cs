using System.Security.Cryptography;
using System.Text;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Telemetry;

namespace VoiceNote.WebApi.Observability;

/// <summary>
/// OpenTelemetry for the API and worker hosts (docs/decisions/0089): traces and metrics of ASP.NET Core, HttpClient,
/// Npgsql, the runtime and the project's own meter. Nothing is collected unless an exporter is configured: OTLP
/// when <c>Observability:Otlp:Endpoint</c> is set, and on the API host a Prometheus scrape endpoint when
/// <c>Observability:Prometheus:Enabled</c> is true and a scrape token is configured.
/// </summary>
internal static class Telemetry
{
    public static IServiceCollection AddVoiceNoteTelemetry(this IServiceCollection services, IConfiguration configuration, bool servesScrape)
    {
        var settings = Settings(configuration);
        var prometheus = servesScrape && ScrapeServed(settings);
        if (!settings.Otlp.IsConfigured && !prometheus)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(settings.ServiceName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(VoiceNoteMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation();
            if (settings.Otlp.IsConfigured)
            {
                metrics.AddOtlpExporter(otlp => Configure(otlp, settings.Otlp));
            }

            if (prometheus)
            {
                metrics.AddPrometheusExporter();
            }
        });

        // Spans only leave the process through OTLP; a scrape carries metrics alone.
        if (settings.Otlp.IsConfigured)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = http => !IsProbe(http.Request.Path, settings))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(VoiceNoteMetrics.MeterName)
                .AddOtlpExporter(otlp => Configure(otlp, settings.Otlp)));
        }

        return services;
    }

    /// <summary>
    /// Maps the scrape endpoint when it is served: every request must carry <c>Authorization: Bearer</c> with the
    /// configured token (compared in constant time), else it gets 401 and no figures.
    /// </summary>
    public static void MapVoiceNoteMetrics(this WebApplication app)
    {
        var settings = Settings(app.Configuration);
        if (!ScrapeServed(settings))
        {
            return;
        }

        var expected = Encoding.UTF8.GetBytes($"Bearer {settings.Prometheus.ScrapeToken}");
        app.MapPrometheusScrapingEndpoint(settings.Prometheus.Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
            {
                var offered = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
                if (!CryptographicOperations.FixedTimeEquals(offered, expected))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
                    return;
                }

                await next(context);
            }), optionsName: null)
            .AllowAnonymousAccess()
            .DisableRateLimiting();
    }

    private static ObservabilityOptions Settings(IConfiguration configuration) =>
        configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();

    /// <summary>An enabled scrape endpoint without a token is not served at all: figures are never open to anybody.</summary>
    private static bool ScrapeServed(ObservabilityOptions settings) =>
        settings.Prometheus.Enabled && !string.IsNullOrWhiteSpace(settings.Prometheus.ScrapeToken);

    private static bool IsProbe(PathString path, ObservabilityOptions settings) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(settings.Prometheus.Path, StringComparison.OrdinalIgnoreCase);

    private static void Configure(OtlpExporterOptions otlp, ObservabilityOptions.OtlpExport settings)
    {
        otlp.Endpoint = new Uri(settings.Endpoint!);
        otlp.Protocol = string.Equals(settings.Protocol, "http/protobuf", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.HttpProtobuf
            : OtlpExportProtocol.Grpc;
    }
}
