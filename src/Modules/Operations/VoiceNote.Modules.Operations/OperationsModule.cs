using Microsoft.Extensions.Configuration;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Modules.Operations.Application.Backups;
using VoiceNote.Modules.Operations.Application.Backups.RestoreBackup;
using VoiceNote.Modules.Operations.Application.Backups.Scheduling;
using VoiceNote.Modules.Operations.Application.Backups.TakeBackup;
using VoiceNote.Modules.Operations.Infrastructure.Backups;
using VoiceNote.Modules.Operations.Infrastructure.Persistence;

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
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.Section));
        services.AddSingleton<PostgresTools>();
        services.AddScoped<BackupWriter>();
        services.AddScoped<BackupRestorer>();
        services.AddSingleton<ICliVerb, BackupVerb>();
        services.AddSingleton<ICliVerb, RestoreVerb>();
        services.AddSingleton<ScheduledBackups>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledBackups>());
    }
}
