using Microsoft.Extensions.Configuration;
using VoiceNote.Application.Retention;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Modules.Activity.Application;
using VoiceNote.Modules.Activity.Application.Common;
using VoiceNote.Modules.Activity.Application.Recording;
using VoiceNote.Modules.Activity.Contracts;
using VoiceNote.Modules.Activity.Infrastructure.Persistence;
using VoiceNote.Modules.Activity.Infrastructure.Retention;

namespace VoiceNote.Modules.Activity;

/// <summary>The product's append-only activity log (docs/product.md, seed 001 ActivityLog; ADR 0078), written from other modules' events.</summary>
public sealed class ActivityModule : IModuleInstaller
{
    public string Name => "Activity";

    public void Install(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule<ActivityDbContext>(Name, ActivityDbContext.SchemaName, typeof(ActivityModule).Assembly);
        services.AddScoped<ActivityRecorder>();
        services.AddSingleton<IAdminAudit, AdminAuditTrail>();
        services.AddScoped<ActivityNames>();
        services.AddScoped<IActivityModule, ActivityFacade>();
        services.AddOptions<ActivityOptions>().Bind(configuration.GetSection(ActivityOptions.Section))
            .Validate(o => o.RetentionDays >= 1, "Activity:RetentionDays must be at least 1.")
            .ValidateOnStart();
        services.AddActivitySettings();
        services.AddSingleton<ActivityRetention>();
        services.AddSingleton<IRetentionRule>(sp => sp.GetRequiredService<ActivityRetention>());
    }
}
