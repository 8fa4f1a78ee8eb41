using MediatR;
using Microsoft.Extensions.Configuration;
using VoiceNote.Application.Retention;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Application.Exports;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Infrastructure;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases;

/// <summary>Cases, their participants and their notes (docs/product.md, Cases; ADR 0076, 0077, 0080, 0081).</summary>
public sealed class CasesModule : IModuleInstaller
{
    public string Name => "Cases";

    public void Install(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule<CasesDbContext>(Name, CasesDbContext.SchemaName, typeof(CasesModule).Assembly);
        services.AddScoped<CaseCaller>();
        services.AddScoped<ICaseExports, CaseExports>();
        services.AddOptions<CasesOptions>().Bind(configuration.GetSection(CasesOptions.Section))
            .Validate(o => o.TrashRetentionDays >= 1, "Cases:TrashRetentionDays must be at least 1.")
            .ValidateOnStart();
        services.AddCasesSettings();
        services.AddSingleton<CaseTrashPurger>();
        services.AddSingleton<IRetentionRule>(sp => sp.GetRequiredService<CaseTrashPurger>());

        // After the host's behaviours, so the check runs inside the command's transaction, once the caller is
        // authenticated, holds the scope and sent a valid request; it lets every request but a case request pass.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(CaseAccessBehaviour<,>));
    }
}
