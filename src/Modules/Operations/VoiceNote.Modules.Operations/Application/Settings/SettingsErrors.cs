using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.Operations.Application.Settings;

internal static class SettingsErrors
{
    public static readonly Error Unknown = Error.NotFound("settings.unknown", "No such setting. GET /api/v1/admin/settings lists the ones that can be changed.");

    public static ValidationError Invalid(string message) => new(new Dictionary<string, string[]> { ["value"] = [message] }, "settings.invalid_value");
}
