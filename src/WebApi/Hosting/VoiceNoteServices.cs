using System.Text.Json.Serialization;
using VoiceNote.Infrastructure;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Infrastructure.Storage;

namespace VoiceNote.WebApi.Hosting;

/// <summary>The services every role of the executable shares: API, worker and the CLI verbs.</summary>
internal static class VoiceNoteServices
{
    public static IServiceCollection AddVoiceNote(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddInfrastructure(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        foreach (var module in ModuleCatalog.All)
        {
            module.Install(services, configuration);
        }

        return services;
    }

    public static ILoggingBuilder AddVoiceNoteLogging(this ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.ClearProviders();
        logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            options.UseUtcTimestamp = true;
        });

        // The current trace and span ids in the scope of every line (a request's, a job run's when traced).
        logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        // The query logging switch: EF's command log at Information when on, silent otherwise.
        var logQueries = configuration.GetValue($"{DatabaseOptions.Section}:{nameof(DatabaseOptions.LogQueries)}", false);
        logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", logQueries ? LogLevel.Information : LogLevel.Warning);
        return logging;
    }

    public static IServiceCollection AddVoiceNoteJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            // One enum casing and one date format in every body (ADR 0061); stored JSON keeps its own options.
            options.SerializerOptions.Converters.Add(new UpperSnakeEnumConverter());
            UtcMicrosecondDates.AddTo(options.SerializerOptions.Converters);
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
}
