using VoiceNote.Application.Settings;

namespace VoiceNote.Modules.Exports.Application.Common;

/// <summary>What operators may change in Exports while the service runs (ADR 0086).</summary>
internal static class ExportsSettings
{
    public static IServiceCollection AddExportsSettings(this IServiceCollection services) => services
        .AddSetting<ExportsOptions>($"{ExportsOptions.Section}:{nameof(ExportsOptions.Retention)}", SettingKind.Duration,
            "How long a finished export's file is kept (d.hh:mm:ss).", o => o.Retention, 3600, 30 * 86400)
        .AddSetting<ExportsOptions>($"{ExportsOptions.Section}:{nameof(ExportsOptions.PerUserPerHour)}", SettingKind.Integer,
            "Exports one user may request in any hour.", o => o.PerUserPerHour, 1, 10_000);
}
