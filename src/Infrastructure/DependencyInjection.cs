using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceNote.Application;
using VoiceNote.Application.Crypto;
using VoiceNote.Application.Retention;
using VoiceNote.Application.Security;
using VoiceNote.Application.Settings;
using VoiceNote.Infrastructure.Crypto;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Outbound;
using VoiceNote.Infrastructure.Outbox;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Infrastructure.Security;
using VoiceNote.Infrastructure.Settings;
using VoiceNote.Infrastructure.Storage;
using VoiceNote.Infrastructure.Telemetry;

namespace VoiceNote.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The connection string: ConnectionStrings:VoiceNote, else the VOICENOTE_DB environment variable.</summary>
    public static string ResolveConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("VoiceNote") is { Length: > 0 } configured ? configured
        : configuration["VOICENOTE_DB"] is { Length: > 0 } fromEnvironment ? fromEnvironment
        : throw new InvalidOperationException(
            "No database configured. Set ConnectionStrings__VoiceNote or VOICENOTE_DB, or start one with build/db.sh.");

    /// <summary>Shared plumbing every module stands on: the data source, the pipeline, outbox dispatch, migrations, the caller.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApplicationCore();
        AddSettingsOverlay(services);
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section));
        services.AddOptions<JobQueueOptions>().Bind(configuration.GetSection(JobQueueOptions.Section));
        services.AddSingleton<IRetentionRule, FinishedJobsRule>();
        services.AddSingleton<IRetentionRule, DeliveredMessagesRule>();
        services.AddOptions<SecretsOptions>().Bind(configuration.GetSection(SecretsOptions.Section))
            .Validate<IHostEnvironment>(
                (secrets, environment) => secrets.IsConfigured || !environment.IsProduction(),
                "Production needs its master key configured: set Secrets:MasterKeyFile to a path outside the build output "
                + "(backed up with the database) or Secrets:MasterKey. Without the key that encrypted them, stored secrets cannot be read.")
            .ValidateOnStart();
        services.TryAddSingleton<MasterKeyRing>();
        services.TryAddSingleton<ISecretProtector, AesGcmSecretProtector>();
        services.TryAddSingleton(provider => new MasterKeyVault(
            provider.GetRequiredService<MasterKeyRing>, provider.GetRequiredService<IOptions<SecretsOptions>>(), provider.GetRequiredService<IOptions<StorageOptions>>()));

        // Resolved from the final configuration when first used, so hosts and tests can override it late.
        services.TryAddSingleton(provider =>
        {
            var config = provider.GetRequiredService<IConfiguration>();
            var database = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            var connectionString = new NpgsqlConnectionStringBuilder(ResolveConnectionString(config))
            {
                MinPoolSize = database.MinPoolSize,
                MaxPoolSize = database.MaxPoolSize,
            };
            var builder = new NpgsqlDataSourceBuilder(connectionString.ConnectionString);
            // pgvector's vector type for every reader and writer, EF and plain Npgsql alike (docs/decisions/0004).
            builder.UseVector();
            return builder.Build();
        });

        services.AddOptions<ObservabilityOptions>().Bind(configuration.GetSection(ObservabilityOptions.Section));
        services.AddMetrics();
        services.TryAddSingleton<QueueGauges>();
        services.TryAddSingleton<VoiceNoteMetrics>();
        services.AddHostedService<QueueSampler>();

        services.AddOutboundHttp(configuration);
        services.AddHttpContextAccessor();
        services.TryAddScoped<ICurrentUser, HttpCurrentUser>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<Http.RepresentationTags>();
        services.TryAddSingleton<InboxInvoker>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<DatabaseMigrator>();
        services.AddHostedService<OutboxDispatcherService>();
        if (!services.Any(d => d.ServiceType == typeof(IntegrationEventRegistry)))
        {
            services.AddSingleton(new IntegrationEventRegistry());
        }

        return services;
    }

    /// <summary>Operators' settings laid over every options type (ADR 0086), and the shared ones this layer owns.</summary>
    private static void AddSettingsOverlay(IServiceCollection services)
    {
        services.TryAddSingleton<SettingsOverlay>();
        services.AddSingleton(typeof(IPostConfigureOptions<>), typeof(SettingsOverlayConfigure<>));
        services.AddSingleton(typeof(IOptionsChangeTokenSource<>), typeof(SettingsOverlayChangeTokens<>));
        services.AddSetting(new SettingDefinition($"{OutboundOptions.Section}:{nameof(OutboundOptions.AllowedHosts)}", SettingKind.HostList,
            "Engine hosts on a loopback, private or link-local address the server may call anyway (host or host:port).",
            provider => provider.GetRequiredService<IOptionsMonitor<OutboundOptions>>().CurrentValue.AllowedHosts));
        services.AddSetting(new SettingDefinition($"{JobQueueOptions.Section}:{nameof(JobQueueOptions.Retention)}", SettingKind.Duration,
            "How long finished jobs are kept (d.hh:mm:ss).",
            provider => provider.GetRequiredService<IOptionsMonitor<JobQueueOptions>>().CurrentValue.Retention)
        {
            Minimum = 3600,
            Maximum = 30 * 86400,
        });
    }
}
