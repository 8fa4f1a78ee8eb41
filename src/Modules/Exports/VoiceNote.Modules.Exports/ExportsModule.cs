using Microsoft.Extensions.Configuration;
using VoiceNote.Application.Retention;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Infrastructure.Storage;
using VoiceNote.Modules.Exports.Application.Common;
using VoiceNote.Modules.Exports.Application.Formats;
using VoiceNote.Modules.Exports.Application.Formats.Archives;
using VoiceNote.Modules.Exports.Application.Statistics;
using VoiceNote.Modules.Exports.Application.Writing;
using VoiceNote.Modules.Exports.Contracts;
using VoiceNote.Modules.Exports.Infrastructure.Backup;
using VoiceNote.Modules.Exports.Infrastructure.Persistence;
using VoiceNote.Modules.Exports.Infrastructure.Retention;

namespace VoiceNote.Modules.Exports;

/// <summary>Exports: files written from notes, recordings, cases and whole accounts (docs/product.md, Exports; ADR 0082, 0083).</summary>
public sealed class ExportsModule : IModuleInstaller
{
    public string Name => "Exports";

    public void Install(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule<ExportsDbContext>(Name, ExportsDbContext.SchemaName, typeof(ExportsModule).Assembly);
        services.AddOptions<ExportsOptions>().Bind(configuration.GetSection(ExportsOptions.Section))
            .Validate(o => o.Retention > TimeSpan.Zero, "Exports:Retention must be positive.")
            .Validate(o => o.PerUserPerHour >= 1 && o.MaxBytes >= 1 << 20, "Exports:PerUserPerHour must be at least 1 and Exports:MaxBytes at least 1 MiB.")
            .ValidateOnStart();
        services.AddExportsSettings();

        // Every format's writer, found by type: adding a format is adding its class.
        foreach (var writer in typeof(ExportsModule).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(INoteWriter).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(INoteWriter), writer);
        }

        services.AddSingleton<ExportWriters>();
        services.AddSingleton<ExportFiles>();
        services.AddSingleton<IStoredFiles, ExportStoredFiles>();
        services.AddScoped<ExportAccess>();
        services.AddScoped<ExportDocuments>();
        services.AddScoped<CaseArchiveParts>();
        services.AddScoped<CaseArchiveWriter>();
        services.AddScoped<AccountArchiveWriter>();
        services.AddScoped<IExportStatistics, ExportStatisticsReader>();
        services.AddJobHandler<ExportsDbContext, WriteExportJob>(WriteExportJob.JobKind);
        services.AddSingleton<IRetentionRule, ExportSweeper>();
    }
}
