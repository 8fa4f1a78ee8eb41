using VoiceNote.Application.Settings;

namespace VoiceNote.Modules.Identity.Application.Accounts.Register;

/// <summary>Section <c>Identity</c>: whether anyone may create an account (an operator's setting, ADR 0086).</summary>
internal sealed class RegistrationOptions
{
    public const string Section = "Identity";

    /// <summary>False: only admins create accounts (create-admin, the admin routes); self-registration answers 403.</summary>
    public bool RegistrationOpen { get; set; } = true;

    public static IServiceCollection AddRegistrationSetting(IServiceCollection services) => services
        .AddSetting<RegistrationOptions>($"{Section}:{nameof(RegistrationOpen)}", SettingKind.Boolean,
            "Whether people may create their own accounts; when false, registering answers 403.", o => o.RegistrationOpen);
}
