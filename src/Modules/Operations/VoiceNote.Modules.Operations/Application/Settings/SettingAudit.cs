using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Operations.Application.Settings;

/// <summary>A settings change in the admin trail: which key, from what to what (null: the files' value).</summary>
internal static class SettingAudit
{
    public const string Action = "settings.changed";

    public static AdminActionTaken Changed(Guid adminId, string key, string? from, string? to, DateTimeOffset at) =>
        new(adminId, Action, null, at) { Details = new Dictionary<string, string?> { ["setting"] = key, ["from"] = from, ["to"] = to } };
}
