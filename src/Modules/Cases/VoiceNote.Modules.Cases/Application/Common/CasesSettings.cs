using VoiceNote.Application.Settings;

namespace VoiceNote.Modules.Cases.Application.Common;

/// <summary>What operators may change in Cases while the service runs (ADR 0086).</summary>
internal static class CasesSettings
{
    public static IServiceCollection AddCasesSettings(this IServiceCollection services) =>
        services.AddSetting<CasesOptions>($"{CasesOptions.Section}:{nameof(CasesOptions.TrashRetentionDays)}", SettingKind.Integer,
            "Days a deleted case stays in the trash before it is purged with its recordings.", o => o.TrashRetentionDays, 1, 3650);
}
