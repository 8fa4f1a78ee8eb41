using VoiceNote.Application.Settings;

namespace VoiceNote.Modules.Activity.Infrastructure.Retention;

/// <summary>What operators may change in the activity log while the service runs (ADR 0086).</summary>
internal static class ActivitySettings
{
    public static IServiceCollection AddActivitySettings(this IServiceCollection services) =>
        services.AddSetting<ActivityOptions>($"{ActivityOptions.Section}:{nameof(ActivityOptions.RetentionDays)}", SettingKind.Integer,
            "Days the activity log keeps an entry.", o => o.RetentionDays, 1, 36500);
}
