using Microsoft.Extensions.Configuration;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Modules.Exports.Infrastructure.Persistence;

namespace VoiceNote.Modules.Exports;

/// <summary>Exports: files written from notes, recordings, cases and whole accounts (docs/product.md, Exports; ADR 0082, 0083).</summary>
public sealed class ExportsModule : IModuleInstaller
{
    public string Name => "Exports";

    public void Install(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule<ExportsDbContext>(Name, ExportsDbContext.SchemaName, typeof(ExportsModule).Assembly);
    }
}
