using Microsoft.Extensions.Configuration;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Modules.Operations.Application.Backups;
using VoiceNote.Modules.Operations.Application.Backups.RestoreBackup;
using VoiceNote.Modules.Operations.Application.Backups.Scheduling;
using VoiceNote.Modules.Operations.Application.Backups.TakeBackup;
using VoiceNote.Modules.Operations.Application.Jobs;
using VoiceNote.Modules.Operations.Application.Settings;
using VoiceNote.Modules.Operations.Infrastructure.Backups;
using VoiceNote.Modules.Operations.Infrastructure.Persistence;
using VoiceNote.Modules.Operations.Infrastructure.Retention;
using VoiceNote.Modules.Operations.Infrastructure.Settings;

namespace VoiceNote.Modules.Operations;

/// <summary>
/// Operations: what an operator of a self-hosted instance needs beside user administration — system settings,
/// analytics, retention and purge, backup and restore (docs/product.md, Operations).
/// </summary>
public sealed class OperationsModule : IModuleInstaller
{
    public string Name => "Operations";

    public void Install(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule<OperationsDbContext>(Name, OperationsDbContext.SchemaName, typeof(OperationsModule).Assembly);
        services.AddScoped<JobQueues>();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(o => o.Interval > TimeSpan.Zero, "Retention:Interval must be positive.").ValidateOnStart();
        services.AddSingleton<RetentionRunner>();
        services.AddHostedService<RetentionScheduler>();
        AddSystemSettings(services, configuration);
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.Section));
        services.AddSingleton<PostgresTools>();
        services.AddScoped<BackupWriter>();
        services.AddScoped<BackupRestorer>();
        services.AddSingleton<ICliVerb, BackupVerb>();
        services.AddSingleton<ICliVerb, RestoreVerb>();
        services.AddSingleton<ScheduledBackups>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledBackups>());
    }

    /// <summary>Operators' settings: stored here, laid over every process's options (ADR 0086).</summary>
    private static void AddSystemSettings(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SettingsOptions>().Bind(configuration.GetSection(SettingsOptions.Section))
            .Validate(o => o.RefreshInterval > TimeSpan.Zero && o.RefreshInterval <= TimeSpan.FromSeconds(5), "Settings:RefreshInterval must be between 0 and 5 seconds.")
            .ValidateOnStart();
        services.AddSingleton<SettingsCatalog>();
        services.AddSingleton<SettingsRefresher>();
        services.AddHostedService(provider => provider.GetRequiredService<SettingsRefresher>());
    }
}
