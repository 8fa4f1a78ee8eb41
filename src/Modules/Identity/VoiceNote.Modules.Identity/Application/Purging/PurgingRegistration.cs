using Microsoft.Extensions.Configuration;
using VoiceNote.Application.Retention;
using VoiceNote.Application.Settings;
using VoiceNote.Infrastructure.Modules;

namespace VoiceNote.Modules.Identity.Application.Purging;

/// <summary>The user purge: its rule, its log and the log's replay at start and as a verb (ADR 0085).</summary>
internal static class PurgingRegistration
{
    public static void AddUserPurging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PurgeLogOptions>().Bind(configuration.GetSection(PurgeLogOptions.Section));
        services.AddOptions<DeletedUserOptions>().Bind(configuration.GetSection(DeletedUserOptions.Section))
            .Validate(o => o.DeletedUserRetentionDays >= 1, "Identity:DeletedUserRetentionDays must be at least 1.").ValidateOnStart();
        services.AddSetting<DeletedUserOptions>($"{DeletedUserOptions.Section}:{nameof(DeletedUserOptions.DeletedUserRetentionDays)}", SettingKind.Integer,
            "Days a deleted account can still be restored before it is purged with everything it owns.", o => o.DeletedUserRetentionDays, 1, 3650);
        services.AddSingleton<PurgeLog>();
        services.AddScoped<UserPurger>();
        services.AddSingleton<PurgeLogReplay>();
        services.AddSingleton<IRetentionRule, DeletedUserRule>();
        services.AddScoped<IStartupTask, ReplayPurgeLogOnStart>();
        services.AddSingleton<ICliVerb, ReplayPurgesVerb>();
    }
}
